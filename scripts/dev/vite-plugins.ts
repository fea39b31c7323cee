// Vite plugins for a quick `npm run dev`: the database is prepared as Vite starts (not on the first request), the
// demo accounts are printed as soon as the portal answers, and the messages are compiled only when they changed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { loadEnv, type Plugin } from 'vite';

/** The pages a newcomer opens first, compiled in the background once the portal answers so they open at once. */
const firstPages = [
	'src/routes/(public)/+page.svelte',
	'src/routes/(auth)/login/+page.svelte',
	'src/routes/(app)/student/+page.svelte',
	'src/routes/(app)/exercises/+page.svelte',
	'src/routes/(app)/mentor/+page.svelte',
	'src/routes/(app)/coordinator/+page.svelte'
];

/**
 * Prepares the database (migrations, content import, demo data) as soon as Vite listens, instead of on the first
 * request: the server's runtime is started here, through Vite, and SvelteKit's own start (hooks.server.ts) finds it
 * (runtime.ts keeps one per process). Then prints where the portal is with the demo accounts, and compiles the first
 * pages people open.
 */
export function prepareDatabaseOnStart(): Plugin {
	return {
		name: 'itbu:prepare-database-on-start',
		apply: 'serve',
		configureServer(server) {
			if (process.env.VITEST) return;
			const { logger } = server.config;
			const env = { ...process.env, ...loadEnv(server.config.mode, server.config.root, '') };
			server.httpServer?.once('listening', () => {
				void server
					.ssrLoadModule('/src/lib/server/development.ts')
					.then((module) => module.prepareDevelopment(env))
					.then(async (notice: (url: string) => string | null) => {
						const text = notice(server.resolvedUrls?.local[0] ?? 'http://localhost:5173/');
						if (text) logger.info(text);
						for (const file of firstPages) {
							await server.warmupRequest(`/${file}`, { ssr: true });
							await server.warmupRequest(`/${file}`);
						}
					})
					.catch((error: unknown) => logger.error(`The portal did not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
			});
		}
	};
}

type ParaglideOptions = Parameters<typeof paraglideVitePlugin>[0] & { project: string; outdir: string };

/**
 * Paraglide's plugin compiles the messages at every start, which costs seconds of CPU (mostly loading the inlang
 * project) even when nothing changed. This one skips that when the message files and settings are the same as at the
 * last compile into the output folder, and compiles as before when one of them changes.
 */
export function paraglideWhenChanged(options: ParaglideOptions): Plugin {
	const plugin = paraglideVitePlugin(options) as Plugin;
	const buildStart = plugin.buildStart as (this: unknown, ...args: unknown[]) => Promise<void>;
	const watchChange = plugin.watchChange as (this: unknown, ...args: unknown[]) => Promise<void>;
	const stamp = join(options.outdir, '.inputs-digest');
	const settings = join(options.project, 'settings.json');
	const inputs = () => [settings, ...readdirSync('messages').map((file) => join('messages', file))];
	const digest = () => {
		const hash = createHash('sha256').update(JSON.stringify({ options, environment: process.env.NODE_ENV ?? '' }));
		for (const file of inputs()) hash.update(`\0${file}\0`).update(readFileSync(file));
		return hash.digest('hex');
	};
	let compiled = false;
	const compile = async (context: unknown, args: unknown[]) => {
		await buildStart.call(context, ...args);
		compiled = true;
		writeFileSync(stamp, digest());
	};
	return {
		...plugin,
		async buildStart(...args) {
			if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest()) {
				for (const file of inputs()) this.addWatchFile(file);
				return;
			}
			await compile(this, args);
		},
		async watchChange(path, change) {
			const isInput = inputs().some((file) => path.endsWith(file));
			if (!compiled && isInput) return compile(this, []);
			await watchChange?.call(this, path, change);
			if (isInput) writeFileSync(stamp, digest());
		}
	};
}
