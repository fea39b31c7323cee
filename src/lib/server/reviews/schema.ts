// Typed view of the review tables (supabase/migrations/20261130130000_reviews.sql is the source of truth).
import { bigint, boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users, exercises } from '../db/schema';
import type { Language } from '../judge';
import { submissions } from '../judge/schema';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const reviewKinds = ['review', 'help'] as const;
export type ReviewKind = (typeof reviewKinds)[number];
export const reviewStatuses = ['waiting', 'claimed', 'answered', 'closed'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
export const reviewOutcomes = ['approved', 'changes_requested'] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];
export type ClosedReason = 'approved' | 'resolved' | 'withdrawn';

export const reviewRequests = pgTable('review_requests', {
	id: uuid('id').primaryKey().defaultRandom(),
	studentId: uuid('student_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	exerciseId: uuid('exercise_id')
		.notNull()
		.references(() => exercises.id, { onDelete: 'cascade' }),
	language: text('language').$type<Language>().notNull(),
	kind: text('kind').$type<ReviewKind>().notNull(),
	question: text('question'),
	status: text('status').$type<ReviewStatus>().notNull().default('waiting'),
	mentorId: uuid('mentor_id').references(() => users.id, { onDelete: 'set null' }),
	claimedAt: timestamptz('claimed_at'),
	touchedAt: timestamptz('touched_at'),
	waitingSince: timestamptz('waiting_since').notNull().defaultNow(),
	outcome: text('outcome').$type<ReviewOutcome>(),
	closedReason: text('closed_reason').$type<ClosedReason>(),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	updatedAt: timestamptz('updated_at').notNull().defaultNow(),
	closedAt: timestamptz('closed_at')
});

export const reviewIterations = pgTable('review_iterations', {
	id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
	requestId: uuid('request_id')
		.notNull()
		.references(() => reviewRequests.id, { onDelete: 'cascade' }),
	number: integer('number').notNull(),
	submissionId: uuid('submission_id')
		.notNull()
		.references(() => submissions.id, { onDelete: 'cascade' }),
	createdAt: timestamptz('created_at').notNull().defaultNow()
});

export const reviewComments = pgTable('review_comments', {
	id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
	requestId: uuid('request_id')
		.notNull()
		.references(() => reviewRequests.id, { onDelete: 'cascade' }),
	iterationId: bigint('iteration_id', { mode: 'number' })
		.notNull()
		.references(() => reviewIterations.id, { onDelete: 'cascade' }),
	authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
	authorRole: text('author_role').$type<'student' | 'mentor'>().notNull(),
	line: integer('line'),
	lineText: text('line_text'),
	body: text('body').notNull(),
	outcome: text('outcome').$type<ReviewOutcome>(),
	publishedAt: timestamptz('published_at'),
	createdAt: timestamptz('created_at').notNull().defaultNow()
});

/** The longest comment mentors can keep (the table's check constraint). */
export const maxSavedCommentLength = 1000;

/** Comments mentors keep per exercise to reuse (supabase/migrations/20261209100000_review_saved_comments.sql). */
export const reviewSavedComments = pgTable('review_saved_comments', {
	id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
	exerciseId: uuid('exercise_id')
		.notNull()
		.references(() => exercises.id, { onDelete: 'cascade' }),
	authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
	body: text('body').notNull(),
	uses: integer('uses').notNull().default(0),
	createdAt: timestamptz('created_at').notNull().defaultNow()
});

export const reviewSettings = pgTable('review_settings', {
	singleton: boolean('singleton').primaryKey().default(true),
	highlightAfterDays: integer('highlight_after_days').notNull().default(3),
	updatedAt: timestamptz('updated_at').notNull().defaultNow(),
	updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' })
});

export type ReviewRequest = typeof reviewRequests.$inferSelect;
