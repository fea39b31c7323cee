// `npm run dev` prepares the database as soon as Vite listens, instead of on the first request: the dev server
// (scripts/dev/vite-plugins.ts) loads this module through Vite, and SvelteKit's own start (hooks.server.ts) then
// finds the same runtime (runtime.ts keeps it per process) with migrations, content import and demo data done.
import { loadConfig } from './config';
import { startRuntime } from './runtime';
import { demoAccountsNotice, hasDemoAccounts } from './demo';

/** Prepares the runtime; resolves to what to print once the portal answers at `url` (null without demo accounts). */
export async function prepareDevelopment(env: Record<string, string | undefined>): Promise<(url: string) => string | null> {
	const config = loadConfig(env);
	const runtime = await startRuntime(config);
	const demo = config.seedDemo && (await hasDemoAccounts(runtime.connection.db));
	return (url) => (demo ? demoAccountsNotice(url) : null);
}
