// Test data for trials: a trial session some days ahead, a booking's form input, and the mails a guardian received.
import { desc, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { outboxMail } from '../db/schema';
import { createTestSession, day, testOrigin } from '../club-sessions/testing';
import type { SessionInput } from '../club-sessions';
import type { BookingInput } from './bookings';

export { day, testOrigin };

export function createTrialSession(db: Database, overrides: Partial<SessionInput> = {}, now = new Date()): Promise<string> {
	return createTestSession(db, { title: '体験会', kind: 'trial', whatToBring: '筆記用具', mapUrl: 'https://maps.example.jp/x', ...overrides }, now);
}

let guardians = 0;

/** A booking's input with a guardian address of its own (so per-address mail limits never meet between tests). */
export function bookingInput(sessionId: string, overrides: Partial<BookingInput> = {}): BookingInput {
	guardians += 1;
	return {
		sessionId,
		nickname: `Haru${guardians}`,
		grade: 'jh1',
		schoolCode: 'k-shikindai',
		schoolOther: null,
		guardianEmail: `guardian-${guardians}-${Math.random().toString(36).slice(2, 8)}@example.jp`,
		channel: 'flyer',
		refCode: null,
		locale: 'ja',
		...overrides
	};
}

export async function mailsTo(db: Database, address: string) {
	return db
		.select()
		.from(outboxMail)
		.where(sql`lower(${outboxMail.toAddress}) = lower(${address})`)
		.orderBy(desc(outboxMail.id));
}

/** The booking link of the latest mail to `address` (its token), or null. */
export async function latestBookingToken(db: Database, address: string): Promise<string | null> {
	const [mail] = await mailsTo(db, address);
	return /\/trial\/booking\/([a-z2-7]{32})/.exec(mail?.textBody ?? '')?.[1] ?? null;
}
