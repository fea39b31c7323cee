// Typed view of the membership tables (supabase/migrations/20261130020000_membership.sql is the source of truth).
import { bigint, customType, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../db/schema';
import type { ApplicationStatus, Gender, Grade, MemberStatus } from './vocabulary';
import type { Locale } from '../db/schema';
import type { Channel } from '$lib/referrals/channels';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A calendar date in Japan, kept as 'YYYY-MM-DD'. */
const japanDate = (name: string) => date(name, { mode: 'string' });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => new Uint8Array(value)
});

export const memberApplications = pgTable('member_applications', {
	id: uuid('id').primaryKey().defaultRandom(),
	userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
	status: text('status').$type<ApplicationStatus>().notNull().default('awaiting_consent'),
	nickname: text('nickname'),
	fullName: text('full_name'),
	schoolCode: text('school_code'),
	schoolOther: text('school_other'),
	grade: text('grade').$type<Grade>(),
	gender: text('gender').$type<Gender>(),
	guardianName: text('guardian_name'),
	guardianEmail: text('guardian_email'),
	statementVersion: text('statement_version').notNull(),
	locale: text('locale').$type<Locale>().notNull().default('ja'),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	consentDecidedAt: timestamptz('consent_decided_at'),
	reviewedAt: timestamptz('reviewed_at'),
	reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
	rejectionReason: text('rejection_reason'),
	anonymisedAt: timestamptz('anonymised_at'),
	/** Where the application came from (trials/schema.ts's tables; the foreign keys are in the migration). */
	channel: text('channel').$type<Channel>(),
	refCodeId: uuid('ref_code_id'),
	trialBookingId: uuid('trial_booking_id')
});

export const guardianConsentLinks = pgTable('guardian_consent_links', {
	tokenHash: bytea('token_hash').primaryKey(),
	applicationId: uuid('application_id')
		.notNull()
		.references(() => memberApplications.id, { onDelete: 'cascade' }),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	expiresAt: timestamptz('expires_at').notNull(),
	usedAt: timestamptz('used_at')
});

export const members = pgTable('members', {
	id: uuid('id').primaryKey().defaultRandom(),
	memberNumber: text('member_number').notNull().unique(),
	userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
	applicationId: uuid('application_id').references(() => memberApplications.id, { onDelete: 'set null' }),
	source: text('source').$type<'application' | 'import'>().notNull(),
	nickname: text('nickname'),
	fullName: text('full_name'),
	schoolCode: text('school_code'),
	schoolOther: text('school_other'),
	grade: text('grade').$type<Grade>(),
	gradeSchoolYear: integer('grade_school_year'),
	gender: text('gender').$type<Gender>(),
	guardianName: text('guardian_name'),
	guardianEmail: text('guardian_email'),
	joinedOn: japanDate('joined_on').notNull(),
	status: text('status').$type<MemberStatus>().notNull().default('active'),
	statusChangedOn: japanDate('status_changed_on').notNull(),
	importFingerprint: text('import_fingerprint').unique(),
	deletionRequestedAt: timestamptz('deletion_requested_at'),
	anonymisedAt: timestamptz('anonymised_at'),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	updatedAt: timestamptz('updated_at').notNull().defaultNow()
});

export const memberStatusChanges = pgTable('member_status_changes', {
	id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
	memberId: uuid('member_id')
		.notNull()
		.references(() => members.id, { onDelete: 'cascade' }),
	status: text('status').$type<MemberStatus>().notNull(),
	changedOn: japanDate('changed_on').notNull(),
	reason: text('reason'),
	changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
	createdAt: timestamptz('created_at').notNull().defaultNow()
});

export const memberNotes = pgTable('member_notes', {
	id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
	memberId: uuid('member_id')
		.notNull()
		.references(() => members.id, { onDelete: 'cascade' }),
	authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
	body: text('body').notNull(),
	createdAt: timestamptz('created_at').notNull().defaultNow()
});

export type Member = typeof members.$inferSelect;
export type MemberApplication = typeof memberApplications.$inferSelect;
