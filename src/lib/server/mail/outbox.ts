// Every mail the portal sends is first a row here, so nothing is lost while the mail server is down.
import { desc, eq, sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';
import { outboxMail } from '../db/schema';
import type { ComposedMail } from './compose';
import { startRepeatingJob, type RepeatingJob } from '../repeating-job';

export interface OutgoingMail extends ComposedMail {
	to: string;
	kind: string;
}

export interface MailTransport {
	send(mail: { to: string; subject: string; text: string; headers: Record<string, string> }): Promise<void>;
}

export async function enqueueMail(db: Database, mail: OutgoingMail): Promise<void> {
	await db.insert(outboxMail).values({ kind: mail.kind, toAddress: mail.to, subject: mail.subject, textBody: mail.text, headers: mail.headers ?? {} });
}

/** Delay before retry number `attempts`: 30 s, 1 min, 2 min, ... capped at one hour. */
export function retryDelayMs(attempts: number): number {
	return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

interface ClaimedMail {
	id: number;
	to_address: string;
	subject: string;
	text_body: string;
	headers: Record<string, string>;
	attempts: number;
}

/** Sends the mails that are due; several senders may run at once (rows are claimed with SKIP LOCKED). */
export async function deliverDueMails(db: Database, transport: MailTransport, batchSize = 20): Promise<{ sent: number; failed: number }> {
	const claimed = await selectRows<ClaimedMail>(
		db,
		sql`update outbox_mail set locked_until = now() + interval '2 minutes'
			where id in (
				select id from outbox_mail
				where sent_at is null and next_attempt_at <= now() and (locked_until is null or locked_until < now())
				order by next_attempt_at
				limit ${batchSize}
				for update skip locked)
			returning id, to_address, subject, text_body, headers, attempts`
	);
	let sent = 0;
	let failed = 0;
	for (const mail of claimed) {
		const id = Number(mail.id);
		try {
			await transport.send({ to: mail.to_address, subject: mail.subject, text: mail.text_body, headers: mail.headers ?? {} });
			await db.update(outboxMail).set({ sentAt: new Date(), lockedUntil: null, lastError: null }).where(eq(outboxMail.id, id));
			sent++;
		} catch (error) {
			const attempts = mail.attempts + 1;
			await db
				.update(outboxMail)
				.set({
					attempts,
					lockedUntil: null,
					lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
					nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts))
				})
				.where(eq(outboxMail.id, id));
			failed++;
		}
	}
	return { sent, failed };
}

export function startOutboxSender(
	db: Database,
	transport: MailTransport,
	options: { intervalMs?: number; onError?: (error: unknown) => void } = {}
): RepeatingJob {
	return startRepeatingJob(() => deliverDueMails(db, transport), { intervalMs: options.intervalMs ?? 5000, onError: options.onError });
}

/** The newest mails, for the development mail viewer; optionally only those sent to one address. */
export async function listRecentMails(db: Database, options: { to?: string; limit?: number } = {}) {
	return db
		.select()
		.from(outboxMail)
		.where(options.to ? sql`lower(${outboxMail.toAddress}) = lower(${options.to})` : undefined)
		.orderBy(desc(outboxMail.id))
		.limit(options.limit ?? 50);
}
