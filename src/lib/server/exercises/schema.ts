// Typed view of the exercises domain's own tables (supabase/migrations/20261130100000_exercises_catalog.sql,
// 20261208100000_exercise_progress.sql): drafts, authors, verifications and per-person progress. The exercises and
// their cases are on the floor below (../db/schema.ts), since the judge reads them too; only this domain writes them.
import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SubmissionVerdict } from '../../judge/verdicts';
import { exercises, users } from '../db/schema';
import type { Language } from '../judge';
import { submissions } from '../judge/schema';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const exerciseDrafts = pgTable(
	'exercise_drafts',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		exerciseId: uuid('exercise_id')
			.notNull()
			.references(() => exercises.id, { onDelete: 'cascade' }),
		language: text('language').$type<Language>().notNull(),
		source: text('source').notNull(),
		updatedAt: timestamptz('updated_at').notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.userId, table.exerciseId, table.language] })]
);

export const exerciseVerifications = pgTable(
	'exercise_verifications',
	{
		exerciseId: uuid('exercise_id')
			.notNull()
			.references(() => exercises.id, { onDelete: 'cascade' }),
		language: text('language').$type<Language>().notNull(),
		contentHash: text('content_hash').notNull(),
		submissionId: uuid('submission_id')
			.notNull()
			.references(() => submissions.id, { onDelete: 'cascade' }),
		requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamptz('created_at').notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.exerciseId, table.language] })]
);

export const exerciseAuthors = pgTable('exercise_authors', {
	userId: uuid('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
	grantedAt: timestamptz('granted_at').notNull().defaultNow()
});

/**
 * Each person's progress per exercise, written only by the database's triggers on submissions (in the transaction
 * that writes the submission or its verdict): read it, never write it.
 */
export const exerciseProgress = pgTable(
	'exercise_progress',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		exerciseId: uuid('exercise_id')
			.notNull()
			.references(() => exercises.id, { onDelete: 'cascade' }),
		/** Every submission, runs too. */
		submissions: integer('submissions').notNull().default(0),
		submits: integer('submits').notNull().default(0),
		solvedAt: timestamptz('solved_at'),
		lastVerdict: text('last_verdict').$type<SubmissionVerdict>(),
		lastSubmittedAt: timestamptz('last_submitted_at')
	},
	(table) => [primaryKey({ columns: [table.userId, table.exerciseId] })]
);

/** Submits per person and Japan day (the streak), written only by the triggers on submissions. */
export const submitDays = pgTable(
	'submit_days',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		day: date('day').notNull(),
		submits: integer('submits').notNull()
	},
	(table) => [primaryKey({ columns: [table.userId, table.day] })]
);
