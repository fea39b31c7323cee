// Typed view of the tables created by supabase/migrations/*.sql (the migrations are the source of truth).
import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, integer, jsonb, pgSchema, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => new Uint8Array(value)
});

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

import type { Role } from '../../roles';
import type { CompareMode } from '../../judge/compare';
import type { Language } from '../../judge/languages';
export { roles, type Role } from '../../roles';

export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];

export const users = pgTable('users', {
	id: uuid('id').primaryKey().defaultRandom(),
	email: text('email').notNull(),
	emailVerifiedAt: timestamptz('email_verified_at'),
	passwordHash: text('password_hash'),
	displayName: text('display_name').notNull(),
	locale: text('locale').$type<Locale>().notNull().default('ja'),
	disabledAt: timestamptz('disabled_at'),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	updatedAt: timestamptz('updated_at').notNull().defaultNow()
});

export const userRoles = pgTable(
	'user_roles',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role').$type<Role>().notNull(),
		grantedAt: timestamptz('granted_at').notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.userId, table.role] })]
);

export const sessions = pgTable('sessions', {
	id: text('id').primaryKey(),
	secretHash: bytea('secret_hash').notNull(),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	expiresAt: timestamptz('expires_at').notNull()
});

export type AuthTokenPurpose = 'verify_email' | 'reset_password';

export const authTokens = pgTable('auth_tokens', {
	tokenHash: bytea('token_hash').primaryKey(),
	purpose: text('purpose').$type<AuthTokenPurpose>().notNull(),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	email: text('email').notNull(),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	expiresAt: timestamptz('expires_at').notNull(),
	usedAt: timestamptz('used_at')
});

export type RegistrationIntent = 'student' | 'mentor';

export const registrationLinks = pgTable('registration_links', {
	tokenHash: bytea('token_hash').primaryKey(),
	email: text('email').notNull(),
	locale: text('locale').$type<Locale>().notNull(),
	intent: text('intent').$type<RegistrationIntent>(),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	expiresAt: timestamptz('expires_at').notNull(),
	usedAt: timestamptz('used_at')
});

export const rateLimitHits = pgTable('rate_limit_hits', {
	id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
	bucket: text('bucket').notNull(),
	hitAt: timestamptz('hit_at').notNull().defaultNow()
});

export const outboxMail = pgTable('outbox_mail', {
	id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
	kind: text('kind').notNull(),
	toAddress: text('to_address').notNull(),
	subject: text('subject').notNull(),
	textBody: text('text_body').notNull(),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
	attempts: integer('attempts').notNull().default(0),
	lastError: text('last_error'),
	lockedUntil: timestamptz('locked_until'),
	sentAt: timestamptz('sent_at'),
	/** Headers beyond From/To/Subject, such as List-Unsubscribe (20261211300000_guardian_digest.sql). */
	headers: jsonb('headers').$type<Record<string, string>>().notNull().default({})
});

export const supabaseMigrations = pgSchema('supabase_migrations');
export const schemaMigrations = supabaseMigrations.table('schema_migrations', {
	version: text('version').primaryKey(),
	statements: text('statements').array(),
	name: text('name')
});

export const now = sql`now()`;

export const userIdentities = pgTable(
	'user_identities',
	{
		provider: text('provider').$type<'supabase'>().notNull(),
		subject: text('subject').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		createdAt: timestamptz('created_at').notNull().defaultNow(),
		lastSignInAt: timestamptz('last_sign_in_at')
	},
	(table) => [primaryKey({ columns: [table.provider, table.subject] })]
);

// The exercises and their cases (supabase/migrations/20261130010000_judge.sql, extended by
// 20261130100000_exercises_catalog.sql). They sit on this floor because two domains need them: the exercises domain
// writes them (authoring, the curriculum import) and the judge reads them (judge/exercises.ts). Nothing else writes
// them (boundaries.spec.ts).
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
