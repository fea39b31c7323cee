// One way to tell someone something: an in-app notification always, and a mail through the outbox when they want
// mail for that kind (and their address is verified and their account active).
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import * as mail from '../mail';
import { notificationKinds, type NotificationKind, type NotificationPayloads } from './kinds';
import { notificationPreferences, notifications } from './schema';

export interface NotifyContext {
	/** The portal's public origin, for the link in the mail. */
	origin: string;
	now?: Date;
}

/** Writes the notification and enqueues its mail in the recipient's language; true when a mail was enqueued. */
export async function notify<K extends NotificationKind>(
	db: Database,
	userId: string,
	kind: K,
	payload: NotificationPayloads[K],
	context: NotifyContext
): Promise<boolean> {
	const now = context.now ?? new Date();
	await db.insert(notifications).values({ userId, kind, payload: { ...payload }, createdAt: now });
	const [recipient] = await db
		.select({
			email: users.email,
			displayName: users.displayName,
			locale: users.locale,
			emailVerifiedAt: users.emailVerifiedAt,
			disabledAt: users.disabledAt,
			mail: notificationPreferences.mail
		})
		.from(users)
		.leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, kind)))
		.where(eq(users.id, userId));
	const definition = notificationKinds[kind];
	if (!recipient || recipient.disabledAt || !recipient.emailVerifiedAt || !(recipient.mail ?? definition.mailByDefault)) return false;
	const rendered = definition.render(payload, recipient.locale);
	await mail.enqueueMail(db, {
		kind: `notify_${kind}`,
		to: recipient.email,
		...mail.notificationMail(recipient.locale, {
			name: recipient.displayName,
			title: rendered.title,
			body: rendered.body,
			link: `${context.origin}${rendered.path}`,
			settingsLink: `${context.origin}/settings#mail`
		})
	});
	return true;
}
