// Typed view of the contest tables (supabase/migrations/20261210400000_contests.sql is the source of truth).
import { boolean, integer, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { exercises, users } from '../db/schema';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const contests = pgTable('contests', {
	id: uuid('id').primaryKey().defaultRandom(),
	title: text('title').notNull(),
	description: text('description').notNull().default(''),
	startsAt: timestamptz('starts_at').notNull(),
	endsAt: timestamptz('ends_at').notNull(),
	/** null: the contest's own window for everyone; else a personal window of this many minutes. */
	windowMinutes: integer('window_minutes'),
	beginner: boolean('beginner').notNull().default(true),
	penaltyMinutes: integer('penalty_minutes').notNull().default(5),
	createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	updatedAt: timestamptz('updated_at').notNull().defaultNow(),
	cancelledAt: timestamptz('cancelled_at')
});

export const contestExercises = pgTable(
	'contest_exercises',
	{
		contestId: uuid('contest_id')
			.notNull()
			.references(() => contests.id, { onDelete: 'cascade' }),
		exerciseId: uuid('exercise_id')
			.notNull()
			.references(() => exercises.id, { onDelete: 'cascade' }),
		position: smallint('position').notNull()
	},
	(table) => [primaryKey({ columns: [table.contestId, table.exerciseId] }), unique().on(table.contestId, table.position)]
);

export const contestEntries = pgTable(
	'contest_entries',
	{
		contestId: uuid('contest_id')
			.notNull()
			.references(() => contests.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		startedAt: timestamptz('started_at').notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.contestId, table.userId] })]
);

export type Contest = typeof contests.$inferSelect;
