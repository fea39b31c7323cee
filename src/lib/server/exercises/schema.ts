// Typed view of the exercises domain's tables: the exercises and their cases (created with the judge in
// supabase/migrations/20261130010000_judge.sql, extended by 20261130100000_exercises_catalog.sql), drafts, authors,
// verifications and per-person progress (20261208100000_exercise_progress.sql). The judge reads the first two
// (../judge/exercises.ts); only this domain writes them.
import { boolean, date, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { SubmissionVerdict } from '../../judge/verdicts';
import { users } from '../db/schema';
import type { Language } from '../judge';
import { submissions } from '../judge/schema';
import type { CompareMode } from '../../judge/compare';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const exercises = pgTable('exercises', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	titleJa: text('title_ja').notNull(),
	titleEn: text('title_en').notNull(),
	statementJa: text('statement_ja').notNull(),
	statementEn: text('statement_en').notNull(),
	timeLimitMs: integer('time_limit_ms').notNull().default(2000),
	memoryLimitMb: integer('memory_limit_mb').notNull().default(256),
	outputLimitKb: integer('output_limit_kb').notNull().default(64),
	compareMode: text('compare_mode').$type<CompareMode>().notNull().default('lines'),
	languages: text('languages').array().$type<Language[]>().notNull(),
	/** The first index of a DNCL array in this exercise (supabase/migrations/20261208300000_dncl_language.sql). */
	dnclArrayBase: smallint('dncl_array_base').$type<0 | 1>().notNull().default(0),
	published: boolean('published').notNull().default(false),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	updatedAt: timestamptz('updated_at').notNull().defaultNow(),
	// Catalog and authoring (supabase/migrations/20261130100000_exercises_catalog.sql).
	sortOrder: integer('sort_order'),
	difficulty: smallint('difficulty').notNull().default(1),
	topics: text('topics').array().notNull().default([]),
	hintsJa: text('hints_ja').array().notNull().default([]),
	hintsEn: text('hints_en').array().notNull().default([]),
	starter: jsonb('starter').$type<Partial<Record<Language, string>>>().notNull().default({}),
	/** Reference solutions: never select this column for a student's page. */
	solution: jsonb('solution').$type<Partial<Record<Language, string>>>().notNull().default({}),
	contentHash: text('content_hash'),
	source: text('source').$type<'content' | 'ui'>().notNull().default('ui'),
	editedInUiAt: timestamptz('edited_in_ui_at'),
	createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
	updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' })
});

export const exerciseCases = pgTable(
	'exercise_cases',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		exerciseId: uuid('exercise_id')
			.notNull()
			.references(() => exercises.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		isSample: boolean('is_sample').notNull().default(false),
		input: text('input').notNull(),
		expectedOutput: text('expected_output').notNull()
	},
	(table) => [unique().on(table.exerciseId, table.position)]
);

export type Exercise = typeof exercises.$inferSelect;
export type ExerciseCase = typeof exerciseCases.$inferSelect;

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
