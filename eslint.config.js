// ESLint as `sv create` sets it up for SvelteKit (flat config, typescript-eslint, eslint-plugin-svelte, Prettier
// owning the formatting). `npm run lint` runs Prettier's check and this; `npm run format` rewrites.
import prettier from 'eslint-config-prettier';
import { fileURLToPath } from 'node:url';
import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const gitignorePath = fileURLToPath(new URL('./.gitignore', import.meta.url));

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	{ ignores: ['src/content/**', 'static/**'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint's advice: TypeScript itself reports undefined names, better than no-undef can.
			'no-undef': 'off',
			// The portal matches control characters on purpose: stored text, terminal output, file names.
			'no-control-regex': 'off',
			// Served at the root (no paths.base), so plain hrefs are right; resolve() would only add noise.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }]
		}
	},
	{
		// Playwright reads a fixture's dependencies from its destructuring pattern, so `({}, use)` is how one says "none".
		files: ['tests/**/*.ts'],
		rules: { 'no-empty-pattern': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
