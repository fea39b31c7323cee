// Typed view of the judge's tables (supabase/migrations/20261130010000_judge.sql is the source of truth). The exercises
// it judges are on the floor below (../db/schema.ts), written by the exercises domain; the judge reads them in
// ./exercises.ts.
import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users, exercises } from '../db/schema';
import type { JudgeResults } from './judge';
import type { Language } from './languages';
import type { SubmissionVerdict } from '../../judge/verdicts';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

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

export type Submission = typeof submissions.$inferSelect;
