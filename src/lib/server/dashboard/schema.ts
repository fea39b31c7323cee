// Typed view of the dashboard's own table: the membership target the coordinators set (created in
// supabase/migrations/20261130020000_membership.sql with the counts it is measured against).
import { boolean, date, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../db/schema';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A calendar date in Japan, kept as 'YYYY-MM-DD'. */
const japanDate = (name: string) => date(name, { mode: 'string' });

export const membershipTarget = pgTable('membership_target', {
	singleton: boolean('singleton').primaryKey().default(true),
	targetCount: integer('target_count').notNull(),
	targetDate: japanDate('target_date').notNull(),
	baselineDate: japanDate('baseline_date').notNull(),
	updatedAt: timestamptz('updated_at').notNull().defaultNow(),
	updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' })
});
