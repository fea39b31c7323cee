// `npm run judge:worker`: judge workers in a process of their own, on the Postgres at DATABASE_URL.
// Run as many as needed, on any machine with bubblewrap; stops cleanly on SIGTERM or SIGINT.
import { loadConfig } from '../src/lib/server/config';
import { migrate, openDatabase } from '../src/lib/server/db';
import * as judge from '../src/lib/server/judge';
import { log } from '../src/lib/server/log';

const config = loadConfig();
if (!config.databaseUrl) {
	// The embedded database belongs to the web server's process; a second process must not open it.
	console.error('DATABASE_URL is not set: a separate judge worker needs the Postgres the web server uses.');
	process.exit(2);
}
if (config.judgeConcurrency < 1) {
	console.error('JUDGE_CONCURRENCY must be at least 1 for a judge worker.');
	process.exit(2);
}

const connection = await openDatabase({ url: config.databaseUrl, maxConnections: config.judgeConcurrency + 2 });
const stopping = new AbortController();
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => stopping.abort());
try {
	await migrate(connection);
	const stopRelay = await judge.relayDatabaseNotices(connection, (error) => log.warn('judge notices: LISTEN failed, polling only', { error: String(error) }));
	const pool = await judge.startWorkers(connection.db, {
		production: config.production,
		concurrency: config.judgeConcurrency,
		leaseMs: config.judgeLeaseMs,
		sandbox: { interpreters: { javascript: config.judgeNode } },
		signal: stopping.signal
	});
	log.info('judge worker started', { concurrency: config.judgeConcurrency, sandboxed: pool.sandboxed });
	await new Promise((resolve) => stopping.signal.addEventListener('abort', resolve, { once: true }));
	await pool.stop();
	await stopRelay();
	log.info('judge worker stopped', {});
} finally {
	await connection.close();
}
