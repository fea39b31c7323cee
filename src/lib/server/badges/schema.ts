// Typed view of the awarded badges (supabase/migrations/20261210300000_badges.sql is the source of truth). The
// database writes the awards itself; this domain reads them and records when the student was shown them.
import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../db/schema';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const badgeAwards = pgTable(
	'badge_awards',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		badge: text('badge').notNull(),
		awardedAt: timestamptz('awarded_at').notNull(),
		announcedAt: timestamptz('announced_at')
	},
	(table) => [primaryKey({ columns: [table.userId, table.badge] })]
);
