// Typed view of the notification tables (supabase/migrations/20261130110000_mentoring.sql is the source of truth).
import { bigint, boolean, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../db/schema';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const notifications = pgTable('notifications', {
	id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	kind: text('kind').notNull(),
	payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	readAt: timestamptz('read_at')
});

export const notificationPreferences = pgTable(
	'notification_preferences',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		mail: boolean('mail').notNull(),
		updatedAt: timestamptz('updated_at').notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.userId, table.kind] })]
);
