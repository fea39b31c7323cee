// Which notifications also come by mail, per person and kind. Without a choice, the kind's default applies.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import type { Role } from '../db/schema';
import { kindsFor, notificationKinds, type NotificationKind } from './kinds';
import { notificationPreferences } from './schema';

export interface MailPreference {
	kind: NotificationKind;
	mail: boolean;
}

/** The mail choices someone with these roles has, with their current answers. */
export async function mailPreferences(db: Database, userId: string, roles: readonly Role[]): Promise<MailPreference[]> {
	const rows = await db
		.select({ kind: notificationPreferences.kind, mail: notificationPreferences.mail })
		.from(notificationPreferences)
		.where(eq(notificationPreferences.userId, userId));
	const chosen = new Map(rows.map((row) => [row.kind, row.mail]));
	return kindsFor(roles).map((kind) => ({ kind, mail: chosen.get(kind) ?? notificationKinds[kind].mailByDefault }));
}

/** Saves the answer for every kind offered to these roles: the ones in `mailKinds` on, the others off. */
export async function setMailPreferences(
	db: Database,
	userId: string,
	roles: readonly Role[],
	mailKinds: ReadonlySet<string>,
	now = new Date()
): Promise<void> {
	const values = kindsFor(roles).map((kind) => ({ userId, kind, mail: mailKinds.has(kind), updatedAt: now }));
	if (values.length === 0) return;
	await db
		.insert(notificationPreferences)
		.values(values)
		.onConflictDoUpdate({
			target: [notificationPreferences.userId, notificationPreferences.kind],
			set: { mail: sql`excluded.mail`, updatedAt: sql`excluded.updated_at` }
		});
}
