// The SQL migrations are the source of truth and the Drizzle tables a typed view of them: this keeps the two from
// drifting apart (a column renamed, retyped or made nullable in one and not the other), and keeps the cascading
// foreign keys indexed so that deleting a parent never scans a whole child table.
import { sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { expect, it } from 'vitest';
import { describeEachDatabase } from './testing';
import { selectRows } from './connection';
import * as core from './schema';
import * as audit from '../audit/schema';
import * as contests from '../contests/schema';
import * as dashboard from '../dashboard/schema';
import * as exercises from '../exercises/schema';
import * as judge from '../judge/schema';
import * as membership from '../membership/schema';
import * as mentoring from '../mentoring/schema';
import * as notifications from '../notifications/schema';
import * as reviews from '../reviews/schema';
import * as sessions from '../club-sessions/schema';
import * as trials from '../trials/schema';
import * as badges from '../badges/schema';
import * as groups from '../groups/schema';

const schemaModules = { core, audit, badges, contests, dashboard, exercises, judge, membership, mentoring, notifications, reviews, sessions, trials, groups };
const declaredTables = Object.values(schemaModules)
	.flatMap((module) => Object.values(module))
	.filter((value): value is PgTable => value instanceof PgTable);

/** Drizzle names a serial column by its pseudo-type; the catalogue by the integer type under it. */
const serialTypes: Record<string, string> = { serial: 'integer', bigserial: 'bigint', smallserial: 'smallint' };

type ColumnShape = { type: string; nullable: boolean };

function drizzleColumns(table: PgTable): Record<string, ColumnShape> {
	const { columns } = getTableConfig(table);
	return Object.fromEntries(
		columns.map((column) => {
			const type = column.getSQLType();
			return [column.name, { type: serialTypes[type] ?? type, nullable: !column.notNull }];
		})
	);
}

/** The portal never deletes an exercise (it is unpublished instead), so these cascades never run on a large table. */
const cascadesThatNeverRun = ['exercise_progress_exercise_id_fkey', 'submissions_exercise_id_fkey'];

describeEachDatabase('the Drizzle schema', (connection) => {
	async function databaseColumns(schema: string, table: string): Promise<Record<string, ColumnShape>> {
		const rows = await selectRows<{ name: string; type: string; nullable: boolean }>(
			connection().db,
			sql`select attribute.attname as name, format_type(attribute.atttypid, attribute.atttypmod) as type,
					not attribute.attnotnull as nullable
				from pg_attribute attribute
				join pg_class relation on relation.oid = attribute.attrelid
				join pg_namespace namespace on namespace.oid = relation.relnamespace
				where namespace.nspname = ${schema} and relation.relname = ${table}
					and attribute.attnum > 0 and not attribute.attisdropped`
		);
		return Object.fromEntries(rows.map((row) => [row.name, { type: row.type, nullable: row.nullable }]));
	}

	it('declares tables that the migrations create', () => {
		expect(declaredTables.length).toBeGreaterThan(20);
	});

	for (const table of declaredTables) {
		const { name, schema = 'public' } = getTableConfig(table);
		it(`matches the migrations for ${schema}.${name} (columns, types, nullability)`, async () => {
			expect(drizzleColumns(table)).toEqual(await databaseColumns(schema, name));
		});
	}

	it('indexes every foreign key that cascades a delete (on the referencing column, leading)', async () => {
		const unindexed = await selectRows<{ constraint: string }>(
			connection().db,
			sql`select foreign_key.conname as constraint
				from pg_constraint foreign_key
				where foreign_key.contype = 'f' and foreign_key.confdeltype = 'c'
					and foreign_key.connamespace = 'public'::regnamespace
					and not exists (
						select 1 from pg_index index
						where index.indrelid = foreign_key.conrelid
							and (index.indkey::int2[])[0:array_length(foreign_key.conkey, 1) - 1] = foreign_key.conkey
					)
				order by 1`
		);
		expect(unindexed.map((row) => row.constraint)).toEqual(cascadesThatNeverRun);
	});
});
