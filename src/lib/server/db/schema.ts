// Typed view of the tables created by supabase/migrations/*.sql (the migrations are the source of truth).
import { sql } from 'drizzle-orm';
import { bigint, customType, integer, pgSchema, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => new Uint8Array(value)
});

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

import type { Role } from '../../roles';
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
	sentAt: timestamptz('sent_at')
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
