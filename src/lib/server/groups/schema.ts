// Typed view of the groups tables (supabase/migrations/20261210100000_groups.sql is the source of truth).
import { bigint, customType, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../db/schema';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => new Uint8Array(value)
});

export const groups = pgTable('groups', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	description: text('description'),
	createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	updatedAt: timestamptz('updated_at').notNull().defaultNow(),
	archivedAt: timestamptz('archived_at'),
	/** Kept by the database's triggers on group_members: read it, never write it. */
	memberCount: integer('member_count').notNull().default(0)
});

export const groupMembers = pgTable(
	'group_members',
	{
		groupId: uuid('group_id')
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		joinedAt: timestamptz('joined_at').notNull().defaultNow(),
		addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [primaryKey({ columns: [table.groupId, table.userId] })]
);

export const groupMentors = pgTable(
	'group_mentors',
	{
		groupId: uuid('group_id')
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		assignedAt: timestamptz('assigned_at').notNull().defaultNow(),
		assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [primaryKey({ columns: [table.groupId, table.userId] })]
);

export const groupJoinCodes = pgTable('group_join_codes', {
	id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
	groupId: uuid('group_id')
		.notNull()
		.references(() => groups.id, { onDelete: 'cascade' }),
	codeHash: bytea('code_hash').notNull().unique(),
	expiresAt: timestamptz('expires_at').notNull(),
	createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	revokedAt: timestamptz('revoked_at')
});

export type Group = typeof groups.$inferSelect;
