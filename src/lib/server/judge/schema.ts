// Typed view of the judge's tables (supabase/migrations/20261130010000_judge.sql is the source of truth).
import { boolean, integer, jsonb, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../db/schema';
import type { CompareMode } from '../../judge/compare';
import type { JudgeResults } from './judge';
import type { Language } from './languages';
import type { SubmissionVerdict } from '../../judge/verdicts';

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

export const submissionModes = ['run', 'submit'] as const;
export type SubmissionMode = (typeof submissionModes)[number];

/** replaced: superseded before it started by a newer submission of the same person, exercise, mode and language; never judged. */
export const submissionStatuses = ['queued', 'running', 'done', 'failed', 'replaced'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

export const submissions = pgTable('submissions', {
	id: uuid('id').primaryKey().defaultRandom(),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	exerciseId: uuid('exercise_id')
		.notNull()
		.references(() => exercises.id, { onDelete: 'cascade' }),
	language: text('language').$type<Language>().notNull(),
	source: text('source').notNull(),
	mode: text('mode').$type<SubmissionMode>().notNull(),
	stdin: text('stdin'),
	status: text('status').$type<SubmissionStatus>().notNull().default('queued'),
	attempts: integer('attempts').notNull().default(0),
	leaseOwner: text('lease_owner'),
	leaseExpiresAt: timestamptz('lease_expires_at'),
	verdict: text('verdict').$type<SubmissionVerdict>(),
	results: jsonb('results').$type<JudgeResults>(),
	casesDone: integer('cases_done').notNull().default(0),
	casesTotal: integer('cases_total').notNull().default(0),
	sandboxed: boolean('sandboxed'),
	lastError: text('last_error'),
	replacedBy: uuid('replaced_by'),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	startedAt: timestamptz('started_at'),
	finishedAt: timestamptz('finished_at')
});

export type Exercise = typeof exercises.$inferSelect;
export type ExerciseCase = typeof exerciseCases.$inferSelect;
export type Submission = typeof submissions.$inferSelect;
