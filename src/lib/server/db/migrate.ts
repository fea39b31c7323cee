import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseConnection } from './connection';
import { schemaMigrations } from './schema';

export interface Migration {
	version: string;
	name: string;
	script: string;
}

export const defaultMigrationsDir = join(process.cwd(), 'supabase', 'migrations');

/** Reads `<version>_<name>.sql` files the way the Supabase CLI names them. */
export function readMigrations(dir = defaultMigrationsDir): Migration[] {
	return readdirSync(dir)
		.filter((file) => /^\d+_.+\.sql$/.test(file))
		.sort()
		.map((file) => {
			const [, version = '', name = ''] = /^(\d+)_(.+)\.sql$/.exec(file) ?? [];
			return { version, name, script: readFileSync(join(dir, file), 'utf8') };
		});
}

// The Supabase CLI's own bookkeeping table, so that `supabase db push` and this runner recognise each other's work.
const bookkeeping = `
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
alter table supabase_migrations.schema_migrations add column if not exists statements text[];
alter table supabase_migrations.schema_migrations add column if not exists name text;
select pg_advisory_xact_lock(7316400211);
`;

/**
 * Applies every migration not yet listed in supabase_migrations.schema_migrations, all in one transaction
 * (under an advisory lock, so several servers starting at once apply each migration once).
 * Returns the versions applied.
 */
export async function migrate(connection: DatabaseConnection, migrations = readMigrations()): Promise<string[]> {
	const applied: string[] = [];
	await connection.scriptTransaction(async ({ db, exec }) => {
		await exec(bookkeeping);
		const rows = await db.select({ version: schemaMigrations.version }).from(schemaMigrations);
		const done = new Set(rows.map((row) => row.version));
		for (const migration of migrations) {
			if (done.has(migration.version)) continue;
			await exec(migration.script);
			await db.insert(schemaMigrations).values({
				version: migration.version,
				name: migration.name,
				statements: [migration.script]
			});
			applied.push(migration.version);
		}
	});
	return applied;
}
