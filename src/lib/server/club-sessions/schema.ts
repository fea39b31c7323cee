// Typed view of the session tables (supabase/migrations/20261130110000_mentoring.sql and
// 20261210500000_session_exercises.sql are the source of truth).
import { bigint, customType, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { exercises, users } from '../db/schema';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => new Uint8Array(value)
});

export const clubSessions = pgTable('club_sessions', {
	id: uuid('id').primaryKey().defaultRandom(),
	title: text('title').notNull(),
	startsAt: timestamptz('starts_at').notNull(),
	endsAt: timestamptz('ends_at').notNull(),
	venue: text('venue'),
	onlineUrl: text('online_url'),
	capacity: integer('capacity').notNull(),
	mentorsNeeded: integer('mentors_needed').notNull().default(0),
	notes: text('notes'),
	createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	updatedAt: timestamptz('updated_at').notNull().defaultNow(),
	cancelledAt: timestamptz('cancelled_at'),
	kind: text('kind').$type<SessionKind>().notNull().default('regular'),
	whatToBring: text('what_to_bring'),
	mapUrl: text('map_url')
});

/** A trial session (体験会) is open to anyone without an account (trials/). */
export type SessionKind = 'regular' | 'trial';

export type ParticipantRole = 'student' | 'mentor';
export type ParticipantStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export const clubSessionParticipants = pgTable('session_participants', {
	id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
	sessionId: uuid('session_id')
		.notNull()
		.references(() => clubSessions.id, { onDelete: 'cascade' }),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	role: text('role').$type<ParticipantRole>().notNull(),
	status: text('status').$type<ParticipantStatus>().notNull(),
	queuedAt: timestamptz('queued_at').notNull().defaultNow(),
	confirmedAt: timestamptz('confirmed_at'),
	cancelledAt: timestamptz('cancelled_at'),
	remindedAt: timestamptz('reminded_at'),
	checkedInAt: timestamptz('checked_in_at'),
	checkedInBy: uuid('checked_in_by').references(() => users.id, { onDelete: 'set null' })
});

export const calendarFeeds = pgTable('calendar_feeds', {
	userId: uuid('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	tokenHash: bytea('token_hash').notNull().unique(),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	lastFetchedAt: timestamptz('last_fetched_at')
});

/** A session's exercises (今日の問題), in order of `position`. */
export const sessionExercises = pgTable(
	'session_exercises',
	{
		sessionId: uuid('session_id')
			.notNull()
			.references(() => clubSessions.id, { onDelete: 'cascade' }),
		exerciseId: uuid('exercise_id')
			.notNull()
			.references(() => exercises.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
		addedAt: timestamptz('added_at').notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.sessionId, table.exerciseId] })]
);

export type ClubSession = typeof clubSessions.$inferSelect;
