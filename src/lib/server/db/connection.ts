import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { timedQueries } from './timing';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseOptions {
	/** Any Postgres (Supabase in production). Unset: embedded PGlite. */
	url?: string;
	/** Folder of the embedded database; `memory://` keeps it in memory (tests). */
	pgliteDir?: string;
	/** An embedded database to start from, as PGlite's `dumpDataDir` wrote it (tests start from a migrated one). */
	pgliteDump?: Blob;
	/** Pool size for a real Postgres. */
	maxConnections?: number;
	/** Called with every statement issued through `db` (the EXPLAIN test captures the SQL behind a page with it). */
	logQuery?: (query: string, params: unknown[]) => void;
}

/** One open database: typed queries through `db`, plus the few raw operations Drizzle cannot express. */
export interface DatabaseConnection {
	kind: 'pglite' | 'postgres';
	db: Database;
	/** A transaction that can also run multi-statement SQL scripts (migrations). */
	scriptTransaction(work: (tx: ScriptTransaction) => Promise<void>): Promise<void>;
	/**
	 * Calls `onNotice` with the payload of every NOTIFY on `channel`, from any connection, until the returned function
	 * is called. Note: not through Supabase's transaction pooler (port 6543), which cannot hold a LISTEN.
	 */
	listen(channel: string, onNotice: (payload: string) => void): Promise<() => Promise<void>>;
	/** The embedded database's files as one archive, for `pgliteDump` (PGlite only). */
	dump?(): Promise<Blob>;
	close(): Promise<void>;
}

export interface ScriptTransaction {
	db: Database;
	exec(script: string): Promise<void>;
}

/** Rows of a raw SQL query; the two drivers shape `execute` results differently. */
export async function selectRows<Row>(db: Database, query: SQL): Promise<Row[]> {
	const result: unknown = await db.execute(query);
	return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

export const defaultPgliteDir = './.data/pglite';

export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseConnection> {
	const logger = options.logQuery && { logQuery: options.logQuery };
	return options.url
		? openPostgres(options.url, options.maxConnections ?? 10, logger)
		: openPglite(options.pgliteDir ?? defaultPgliteDir, logger, options.pgliteDump);
}

type QueryLogger = { logQuery: (query: string, params: unknown[]) => void } | undefined;

async function openPglite(dir: string, logger: QueryLogger, dump?: Blob): Promise<DatabaseConnection> {
	const inMemory = dir.startsWith('memory://');
	if (!inMemory) mkdirSync(dir, { recursive: true });
	const client = await PGlite.create(dir, dump ? { loadDataDir: dump } : {});
	client.query = timedQueries(client.query.bind(client)) as typeof client.query;
	const db = drizzlePglite(client, { schema, logger }) as unknown as Database;
	return {
		kind: 'pglite',
		db,
		async scriptTransaction(work) {
			await client.transaction(async (tx) => {
				await work({
					db: drizzlePglite(tx as unknown as PGlite, { schema }) as unknown as Database,
					exec: async (script) => void (await tx.exec(script))
				});
			});
		},
		async listen(channel, onNotice) {
			const unlisten = await client.listen(channel, onNotice);
			return async () => {
				if (!client.closed) await unlisten();
			};
		},
		dump: () => client.dumpDataDir('none'),
		async close() {
			if (!client.closed) await client.close();
		}
	};
}

async function openPostgres(url: string, maxConnections: number, logger: QueryLogger): Promise<DatabaseConnection> {
	const client = postgres(url, {
		max: maxConnections,
		onnotice: () => {},
		// Note: Supabase's transaction pooler (port 6543) does not support prepared statements.
		prepare: !/:6543\b/.test(url),
		connect_timeout: 10
	});
	client.unsafe = timedQueries(client.unsafe.bind(client)) as typeof client.unsafe;
	const db = drizzlePostgres(client, { schema, logger }) as unknown as Database;
	return {
		kind: 'postgres',
		db,
		async scriptTransaction(work) {
			await client.begin(async (tx) => {
				await work({
					// Drizzle reads the parser settings from `options`, which a postgres.js transaction handle lacks.
					db: drizzlePostgres(Object.assign(tx, { options: client.options }) as unknown as postgres.Sql, {
						schema
					}) as unknown as Database,
					exec: async (script) => void (await tx.unsafe(script).simple())
				});
			});
		},
		async listen(channel, onNotice) {
			const { unlisten } = await client.listen(channel, (payload) => onNotice(payload));
			return unlisten;
		},
		async close() {
			await client.end({ timeout: 5 });
		}
	};
}
