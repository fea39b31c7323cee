// Extends Playwright's `test` with direct access to the e2e server's database, factories for people in each role,
// and a helper to log in. Every test makes its own people, so tests never see each other's data.
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openDatabase, type DatabaseConnection } from '../src/lib/server/db';
import { createUser, type TestUser } from '../src/lib/server/testing/factories';
import { seedDemoExercises } from '../src/lib/server/exercises/testing';
import type { Role } from '../src/lib/roles';
import { e2eDatabaseUrl } from './environment';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Fixtures {
	/** Skips every test when there is no e2e server (it needs TEST_DATABASE_URL; see playwright.config.ts). */
	needsServer: void;
	makeUser: (options?: { roles?: Role[]; emailVerified?: boolean }) => Promise<TestUser>;
	logIn: (page: Page, user: TestUser) => Promise<void>;
	expectAccessible: (page: Page) => Promise<void>;
}

interface WorkerFixtures {
	database: DatabaseConnection;
	/** The demo exercises, present in the e2e database (idempotent by slug). */
	demoExercises: void;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
	needsServer: [
		async ({}, use) => {
			base.skip(!e2eDatabaseUrl(), 'TEST_DATABASE_URL is not set');
			await use();
		},
		{ auto: true }
	],
	database: [
		async ({}, use) => {
			const url = e2eDatabaseUrl();
			base.skip(!url, 'TEST_DATABASE_URL is not set');
			const connection = await openDatabase({ url, maxConnections: 2 });
			await use(connection);
			await connection.close();
		},
		{ scope: 'worker' }
	],
	demoExercises: [
		async ({ database }, use) => {
			await seedDemoExercises(database.db);
			await use();
		},
		{ scope: 'worker' }
	],
	makeUser: async ({ database }, use) => {
		await use((options = {}) => createUser(database.db, options));
	},
	logIn: async ({}, use) => {
		await use(async (page, user) => {
			await page.goto('/login');
			await page.getByLabel('メールアドレス').fill(user.email);
			await page.getByLabel('パスワード').fill(user.password);
			await page.getByRole('button', { name: 'ログインする' }).click();
			await page.waitForURL((url) => !url.pathname.startsWith('/login'));
		});
	},
	expectAccessible: async ({}, use) => {
		await use(async (page) => {
			// Contrast is measured on the page at rest: a fade-in still running (the celebration pops in from opacity 0)
			// would be judged half transparent. Finite animations are awaited, not timed.
			await page.evaluate(() =>
				Promise.all(
					document
						.getAnimations()
						.filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
						.map((animation) => animation.finished.catch(() => undefined))
				)
			);
			// Evaluated through the DevTools protocol, so the page's CSP (rightly) does not have to allow it.
			await page.evaluate(axeSource);
			const violations = await page.evaluate(async () => {
				const axe = (
					window as unknown as {
						axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> };
					}
				).axe;
				const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
				return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
			});
			expect(violations).toEqual([]);
		});
	}
});

export { expect };
