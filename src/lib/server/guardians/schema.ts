// Typed view of the guardians' tables (supabase/migrations/20261211300000_guardian_digest.sql is the source of truth).
import { boolean, customType, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { memberApplications } from '../membership/schema';
import type { Locale } from '../db/schema';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => new Uint8Array(value)
});

export const guardianPreferences = pgTable('guardian_preferences', {
	applicationId: uuid('application_id')
		.primaryKey()
		.references(() => memberApplications.id, { onDelete: 'cascade' }),
	locale: text('locale').$type<Locale>().notNull(),
	digest: boolean('digest').notNull(),
	chosenAt: timestamptz('chosen_at').notNull(),
	unsubscribedAt: timestamptz('unsubscribed_at')
});

export type GuardianLinkPurpose = 'unsubscribe' | 'data' | 'export';

export const guardianLinks = pgTable('guardian_links', {
	tokenHash: bytea('token_hash').primaryKey(),
	applicationId: uuid('application_id')
		.notNull()
		.references(() => memberApplications.id, { onDelete: 'cascade' }),
	purpose: text('purpose').$type<GuardianLinkPurpose>().notNull(),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	expiresAt: timestamptz('expires_at').notNull()
});

export const guardianDigests = pgTable(
	'guardian_digests',
	{
		applicationId: uuid('application_id')
			.notNull()
			.references(() => memberApplications.id, { onDelete: 'cascade' }),
		month: text('month').notNull(),
		sentAt: timestamptz('sent_at').notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.applicationId, table.month] })]
);
