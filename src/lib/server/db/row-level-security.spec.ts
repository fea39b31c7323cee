// The project's anon key is public on Supabase: as `anon` or `authenticated`, every table must read zero rows
// and refuse every write, even after granting those roles what Supabase grants them by default.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createUser } from '../testing/factories';
import { selectRows, type Database } from './connection';
import { describeEachDatabase } from './testing';

const appSchemas = ['public', 'supabase_migrations'];

async function tables(db: Database) {
	return selectRows<{ schema: string; name: string; rls: boolean }>(
		db,
		sql`select n.nspname as schema, c.relname as name, c.relrowsecurity as rls
			from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where c.relkind in ('r', 'p') and n.nspname in ('public', 'supabase_migrations')
			order by 1, 2`
	);
}

/** Runs `work` as `role` inside a transaction that is always rolled back. */
async function asRole(db: Database, role: string, work: (tx: Database) => Promise<void>) {
	await db
		.transaction(async (tx) => {
			await tx.execute(sql.raw(`set local role ${role}`));
			await work(tx);
			throw new Rollback();
		})
		.catch((error) => {
			if (!(error instanceof Rollback)) throw error;
		});
}
class Rollback extends Error {}

describeEachDatabase('row-level security', (connection) => {
	const db = () => connection().db;

	it('is enabled on every table', async () => {
		const all = await tables(db());
		expect(all.length).toBeGreaterThan(5);
		expect(all.filter((table) => !table.rls).map((table) => `${table.schema}.${table.name}`)).toEqual([]);
	});

	for (const role of ['anon', 'authenticated']) {
		it(`lets ${role} read nothing and write nothing, even with Supabase's default grants`, async () => {
			await createUser(db(), { roles: ['coordinator'] });
			// What Supabase grants these roles on a new project; row-level security alone must still hold.
			for (const schema of appSchemas) {
				await db().execute(sql.raw(`grant usage on schema ${schema} to anon, authenticated`));
				await db().execute(sql.raw(`grant select, insert, update, delete on all tables in schema ${schema} to anon, authenticated`));
			}
			try {
				for (const table of await tables(db())) {
					const name = `"${table.schema}"."${table.name}"`;
					await asRole(db(), role, async (tx) => {
						const [row] = await selectRows<{ count: number }>(tx, sql.raw(`select count(*)::int as count from ${name}`));
						expect(row?.count, `${role} reads ${name}`).toBe(0);
					});
					await asRole(db(), role, async (tx) => {
						await expect(tx.execute(sql.raw(`insert into ${name} default values`)), `${role} inserts into ${name}`).rejects.toThrow();
					});
					const column = await updatableColumn(db(), table);
					await asRole(db(), role, async (tx) => {
						const updated = await tx.execute(sql.raw(`update ${name} set ${column} = ${column}`));
						expect(rowCount(updated), `${role} updates ${name}`).toBe(0);
					});
					await asRole(db(), role, async (tx) => {
						expect(rowCount(await tx.execute(sql.raw(`delete from ${name}`))), `${role} deletes from ${name}`).toBe(0);
					});
				}
			} finally {
				for (const schema of appSchemas) {
					await db().execute(sql.raw(`revoke all on all tables in schema ${schema} from anon, authenticated`));
				}
			}
		});

		it(`gives ${role} no privileges at all as migrated`, async () => {
			for (const table of await tables(db())) {
				await asRole(db(), role, async (tx) => {
					const attempt = tx.execute(sql.raw(`select * from "${table.schema}"."${table.name}" limit 1`));
					await expect(attempt.catch((error: Error) => Promise.reject(error.cause ?? error))).rejects.toThrow(/permission denied/);
				});
			}
		});
	}
});

async function updatableColumn(db: Database, table: { schema: string; name: string }): Promise<string> {
	const [column] = await selectRows<{ name: string }>(
		db,
		sql`select column_name as name from information_schema.columns
			where table_schema = ${table.schema} and table_name = ${table.name} and is_identity = 'NO' and is_generated = 'NEVER'
			order by ordinal_position limit 1`
	);
	return `"${column!.name}"`;
}

function rowCount(result: unknown): number {
	const value = result as { count?: number; affectedRows?: number };
	return value.count ?? value.affectedRows ?? 0;
}
