import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from './testing';
import { migrate, readMigrations } from './migrate';
import { selectRows } from './connection';
import { schemaMigrations } from './schema';

describeEachDatabase('migrations', (connection) => {
	it('records every applied version in supabase_migrations.schema_migrations', async () => {
		const rows = await connection().db.select().from(schemaMigrations).orderBy(schemaMigrations.version);
		expect(rows.map((row) => row.version)).toEqual(readMigrations().map((migration) => migration.version));
		expect(rows[0]?.name).toBe('foundation');
	});

	it('does not run again a version already listed there (by this runner or the Supabase CLI)', async () => {
		const version = '29991231235959';
		// As if `supabase db push` had applied it: listed, but its table never created here.
		await connection().db.insert(schemaMigrations).values({ version, name: 'from_cli' });
		const applied = await migrate(connection(), [...readMigrations(), { version, name: 'from_cli', script: 'create table should_not_exist (id int);' }]);
		expect(applied).toEqual([]);
		const [row] = await selectRows<{ found: string | null }>(connection().db, sql`select to_regclass('public.should_not_exist')::text as found`);
		expect(row).toEqual({ found: null });
	});

	it('applies a new migration once and rolls back a failing one whole', async () => {
		const good = { version: '29990101000000', name: 'good', script: 'create table migration_probe (id int);' };
		expect(await migrate(connection(), [...readMigrations(), good])).toEqual([good.version]);
		expect(await migrate(connection(), [...readMigrations(), good])).toEqual([]);
		const bad = {
			version: '29990102000000',
			name: 'bad',
			script: 'create table half_written (id int); select * from no_such_table;'
		};
		await expect(migrate(connection(), [...readMigrations(), good, bad])).rejects.toThrow();
		const versions = (await connection().db.select().from(schemaMigrations)).map((row) => row.version);
		expect(versions).not.toContain(bad.version);
	});
});
