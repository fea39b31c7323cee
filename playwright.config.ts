// End-to-end tests drive Debian's Chromium (Playwright cannot download browsers here) against the production build.
// CHROMIUM_PATH overrides the browser. The suite needs TEST_DATABASE_URL: without it, it is skipped with a notice.
import { defineConfig } from '@playwright/test';
import { e2eOrigin, slowWork, testBudget } from './tests/environment';

const hasDatabase = Boolean(process.env.TEST_DATABASE_URL);
if (!hasDatabase && !process.env.CI) {
	console.warn('\n⚠ TEST_DATABASE_URL is not set: the end-to-end suite is SKIPPED.\n');
}

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: testBudget,
	expect: { timeout: 20_000 },
	reporter: [['list']],
	use: {
		baseURL: e2eOrigin,
		locale: 'ja-JP',
		trace: 'off',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	webServer: hasDatabase
		? {
				command: 'npx tsx tests/e2e-server.ts',
				url: `${e2eOrigin}/api/health`,
				reuseExistingServer: false,
				timeout: slowWork,
				stdout: 'ignore',
				stderr: 'pipe'
			}
		: undefined
});
