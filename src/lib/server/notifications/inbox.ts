// A person's notifications: the newest first, written in the reader's language when shown.
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../db';
import type { Locale } from '../db/schema';
import { safeRedirectPath } from '../paths';
import { renderNotification } from './kinds';
import { notifications } from './schema';

export interface InboxEntry {
	id: number;
	kind: string;
	title: string;
	body: string;
	path: string;
	createdAt: Date;
	read: boolean;
}

export async function listNotifications(db: Database, userId: string, locale: Locale, page: { before?: number; limit?: number } = {}): Promise<InboxEntry[]> {
	const rows = await db
		.select()
		.from(notifications)
		.where(and(eq(notifications.userId, userId), page.before ? lt(notifications.id, page.before) : undefined))
		.orderBy(desc(notifications.id))
		.limit(page.limit ?? 50);
	return rows.flatMap((row) => {
		const rendered = renderNotification(row.kind, row.payload, locale);
		if (!rendered) return [];
		return [
			{ id: row.id, kind: row.kind, ...rendered, path: safeRedirectPath(rendered.path, '/notifications'), createdAt: row.createdAt, read: row.readAt !== null }
		];
	});
}

export async function countUnread(db: Database, userId: string): Promise<number> {
	const [row] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(notifications)
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
	return Number(row?.count ?? 0);
}

/** Marks one of the person's notifications read; where it leads, or null when it is not theirs. */
export async function openNotification(db: Database, userId: string, id: number, locale: Locale, now = new Date()): Promise<string | null> {
	if (!Number.isSafeInteger(id) || id < 1) return null;
	const [row] = await db
		.select()
		.from(notifications)
		.where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
	if (!row) return null;
	if (!row.readAt) await db.update(notifications).set({ readAt: now }).where(eq(notifications.id, id));
	const rendered = renderNotification(row.kind, row.payload, locale);
	return safeRedirectPath(rendered?.path, '/notifications');
}

export async function markAllRead(db: Database, userId: string, now = new Date()): Promise<number> {
	const updated = await db
		.update(notifications)
		.set({ readAt: now })
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
		.returning({ id: notifications.id });
	return updated.length;
}
