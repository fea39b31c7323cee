import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideWhenChanged, prepareDatabaseOnStart } from './scripts/dev/vite-plugins';

export default defineConfig({
	plugins: [
		prepareDatabaseOnStart(),
		sveltekit(),
		paraglideWhenChanged({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
			cookieName: 'locale'
		})
	],
	// Workers are ES modules, so that a page can start them with `import` from a blob (src/lib/runner/module-worker.ts).
	worker: { format: 'es' },
	test: {
		expect: { requireAssertions: true },
		// Test files mostly wait (on PGlite's WebAssembly, on Postgres, on sandboxed programs), so three at a time on two
		// cores ran the unit suite in 2 min 5 s against 4 min 25 s one at a time (Vitest's default of cores − 1).
		maxWorkers: 3,
		reporters: ['default', './scripts/dev/slowest-test-files.ts'],
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
					exclude: ['src/**/*.svelte.spec.ts', 'src/**/*.judged.spec.ts'],
					testTimeout: 30_000,
					// A fresh migrated PGlite database per suite took over 60 s at load average 17 (2 cores, four
					// engineers' suites at once): a deadline the machine's speed must never reach, not a measure.
					hookTimeout: 240_000
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'curriculum',
					environment: 'node',
					include: ['src/**/*.judged.spec.ts'],
					// Each test judges both languages at once: half the cores' worth of tests keeps one sandbox per core.
					maxConcurrency: Math.max(1, Math.floor(availableParallelism() / 2)),
					testTimeout: 60_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'client',
					environment: 'node',
					include: ['src/**/*.svelte.spec.ts']
				}
			}
		]
	}
});
