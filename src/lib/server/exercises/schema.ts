// Typed view of the exercises domain's own tables (supabase/migrations/20261130100000_exercises_catalog.sql);
// the exercises themselves are the judge's table (../judge/schema.ts).
import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../db/schema';
import type { Language } from '../judge';
import { exercises, submissions } from '../judge/schema';

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
