// The programs a production machine runs besides the web server, compiled to plain JavaScript in build/ after the
// app (`npm run build`): `node build/judge-worker.js`, `node build/admin.js`, `node build/migrate.js`,
// `node build/content-import.js`, `node build/judge.js`. Like adapter-node's server, they import only the
// `dependencies` of package.json at run time and carry everything else inside, so `npm ci --omit=dev` runs them.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
const runtimePackages = new Set([...Object.keys(dependencies), ...builtinModules]);

/** `@scope/name/sub/path` → `@scope/name`, `name/sub` → `name`. */
function packageName(id: string): string {
	const parts = id.split('/');
	return id.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? id);
}

export default defineConfig({
	publicDir: false,
	logLevel: 'warn',
	build: {
		ssr: true,
		outDir: 'build',
		// The app's build is already there (adapter-node empties build/ first, so this build runs second).
		emptyOutDir: false,
		target: 'node20',
		minify: false,
		rollupOptions: {
			input: {
				'judge-worker': 'scripts/judge-worker.ts',
				judge: 'scripts/judge.ts',
				admin: 'scripts/admin.ts',
				migrate: 'scripts/migrate.ts',
				'content-import': 'scripts/content-import.ts'
			},
			external: (id) => id.startsWith('node:') || runtimePackages.has(packageName(id)),
			output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'scripts/[name]-[hash].js' }
		}
	},
	ssr: { noExternal: true }
});
