// Typed view of the trial and referral tables (supabase/migrations/20261211100000_trials_and_referrals.sql is the source of truth).
import { customType, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Channel } from '$lib/referrals/channels';
import { users } from '../db/schema';
import { clubSessions } from '../club-sessions/schema';
import type { Grade } from '../membership/vocabulary';
import type { Locale } from '../db/schema';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => new Uint8Array(value)
});

export const referralCodes = pgTable('referral_codes', {
	id: uuid('id').primaryKey().defaultRandom(),
	/** Lower case; read case-insensitively. */
	code: text('code').notNull().unique(),
	name: text('name').notNull(),
	channel: text('channel').$type<Channel>().notNull(),
	createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	archivedAt: timestamptz('archived_at')
});

/** Anonymous visits per code and Japan day. */
export const referralVisits = pgTable(
	'referral_visits',
	{
		codeId: uuid('code_id')
			.notNull()
			.references(() => referralCodes.id, { onDelete: 'cascade' }),
		day: date('day', { mode: 'string' }).notNull(),
		visits: integer('visits').notNull().default(0)
	},
	(table) => [primaryKey({ columns: [table.codeId, table.day] })]
);

export type TrialBookingStatus = 'booked' | 'waitlisted' | 'cancelled';

export const trialBookings = pgTable('trial_bookings', {
	id: uuid('id').primaryKey().defaultRandom(),
	sessionId: uuid('session_id')
		.notNull()
		.references(() => clubSessions.id, { onDelete: 'cascade' }),
	status: text('status').$type<TrialBookingStatus>().notNull(),
	/** Null once the personal data was erased (personalDataErasedAt). */
	nickname: text('nickname'),
	grade: text('grade').$type<Grade>().notNull(),
	schoolCode: text('school_code'),
	schoolOther: text('school_other'),
	guardianEmail: text('guardian_email'),
	locale: text('locale').$type<Locale>().notNull().default('ja'),
	channel: text('channel').$type<Channel>(),
	refCodeId: uuid('ref_code_id').references(() => referralCodes.id, { onDelete: 'set null' }),
	tokenHash: bytea('token_hash').notNull().unique(),
	queuedAt: timestamptz('queued_at').notNull().defaultNow(),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	cancelledAt: timestamptz('cancelled_at'),
	remindedAt: timestamptz('reminded_at'),
	attendedAt: timestamptz('attended_at'),
	attendanceMarkedBy: uuid('attendance_marked_by').references(() => users.id, { onDelete: 'set null' }),
	invitedAt: timestamptz('invited_at'),
	personalDataErasedAt: timestamptz('personal_data_erased_at')
});

export type ReferralCode = typeof referralCodes.$inferSelect;
export type TrialBooking = typeof trialBookings.$inferSelect;
