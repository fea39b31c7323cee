// Typed view of the certificates table (supabase/migrations/20261210200000_certificates.sql is the source of truth).
import { jsonb, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../db/schema';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const certificateKinds = ['track', 'school_year', 'mentor_year'] as const;
export type CertificateKind = (typeof certificateKinds)[number];
export const nameChoices = ['nickname', 'full_name'] as const;
export type NameChoice = (typeof nameChoices)[number];

/** What a student's track certificate says: the track (its title as it was when issued) and how many exercises. */
export interface TrackFacts {
	kind: 'track';
	trackId: string;
	titleJa: string;
	titleEn: string;
	exercises: number;
	/** The Japan date the last of them was solved. */
	completedOn: string;
}

/** A student's school year: exercises solved and club sessions attended in it. */
export interface SchoolYearFacts {
	kind: 'school_year';
	schoolYear: number;
	solved: number;
	sessions: number;
	/** The Japan date these were counted up to (the year's end, or the issue date within the year). */
	asOf: string;
}

/** A mentor's year: sessions attended and their hours, reviews posted, and where the mentor comes from. */
export interface MentorYearFacts {
	kind: 'mentor_year';
	schoolYear: number;
	organisation: string | null;
	sessions: number;
	/** Hours at sessions, from the sessions' start and end times, to a tenth. */
	hours: number;
	reviews: number;
	asOf: string;
}

export type CertificateFacts = TrackFacts | SchoolYearFacts | MentorYearFacts;

export const certificates = pgTable('certificates', {
	id: uuid('id').primaryKey().defaultRandom(),
	code: text('code').notNull().unique(),
	userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
	kind: text('kind').$type<CertificateKind>().notNull(),
	subject: text('subject').notNull(),
	holderName: text('holder_name').notNull(),
	nameChoice: text('name_choice').$type<NameChoice>().notNull(),
	facts: jsonb('facts').$type<CertificateFacts>().notNull(),
	issuedAt: timestamptz('issued_at').notNull().defaultNow(),
	revokedAt: timestamptz('revoked_at'),
	revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
	revocationReason: text('revocation_reason'),
	replacedBy: uuid('replaced_by').references((): AnyPgColumn => certificates.id, { onDelete: 'set null' })
});

export type Certificate = typeof certificates.$inferSelect;
