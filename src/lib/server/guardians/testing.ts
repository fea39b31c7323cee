// Test data for guardians: a child who applied, whose guardian consented (choosing the digest or not) and who was
// approved, all at given times; the child's activity in the club; and the guardian's mails read from the outbox.
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { outboxMail, type Locale } from '../db/schema';
import { createUser } from '../testing/factories';
import * as membership from '../membership';
import { applicationFormFor, consentTokenFromMail, createApplicant, testOrigin } from '../membership/testing';
import { clubSessionParticipants } from '../club-sessions/schema';
import { createTestSession } from '../club-sessions/testing';
import { recordSubmission } from '../exercises/testing';
import { answerConsent } from './preferences';

export { testOrigin };

export interface TestChild {
	userId: string;
	applicationId: string;
	memberId: string | null;
	guardianEmail: string;
	fullName: string;
	nickname: string;
}

/** A child whose guardian consented at `consentedAt` (the application the day before, the approval the day after). */
export async function consentedChild(
	db: Database,
	options: { nickname: string; fullName?: string; digest: boolean; locale?: Locale; consentedAt: Date; approve?: boolean }
): Promise<TestChild> {
	const day = 24 * 60 * 60 * 1000;
	const person = await createApplicant(db);
	const form = applicationFormFor({ nickname: options.nickname, fullName: options.fullName ?? `${options.nickname} 本名` });
	const applied = await membership.submitApplication(db, person.applicant, form, testOrigin, new Date(options.consentedAt.getTime() - day));
	if (!applied.ok) throw new Error(applied.problem);
	const token = (await consentTokenFromMail(db, form.guardianEmail))!;
	const consented = await answerConsent(db, token, 'consent', { digest: options.digest, locale: options.locale ?? 'ja' }, testOrigin, options.consentedAt);
	if (!consented) throw new Error('consent refused');
	const applicationId = (await membership.latestApplication(db, person.id))!.id;
	let memberId: string | null = null;
	if (options.approve ?? true) {
		const staff = await createUser(db, { roles: ['coordinator'] });
		const approved = await membership.approveApplication(db, staff, applicationId, testOrigin, new Date(options.consentedAt.getTime() + day));
		if (!approved.ok) throw new Error(approved.problem);
		memberId = approved.memberId;
	}
	return { userId: person.id, applicationId, memberId, guardianEmail: form.guardianEmail, fullName: form.fullName, nickname: options.nickname };
}

/** A session at `startsAt` that `userId` attended as a student (checked in), with a mentor signed up too. */
export async function attendedSession(db: Database, userId: string, options: { title: string; startsAt: Date; mentorId?: string }): Promise<string> {
	const sessionId = await createTestSession(db, { title: options.title, startsAt: options.startsAt }, options.startsAt);
	await db
		.insert(clubSessionParticipants)
		.values({ sessionId, userId, role: 'student', status: 'confirmed', confirmedAt: options.startsAt, checkedInAt: options.startsAt });
	if (options.mentorId) {
		await db
			.insert(clubSessionParticipants)
			.values({ sessionId, userId: options.mentorId, role: 'mentor', status: 'confirmed', confirmedAt: options.startsAt, checkedInAt: options.startsAt });
	}
	return sessionId;
}

/** The exercise solved (accepted) at `solvedAt`. */
export async function solved(db: Database, userId: string, exerciseId: string, solvedAt: Date): Promise<void> {
	await recordSubmission(db, { userId, exerciseId, verdict: 'AC', createdAt: solvedAt });
}

/** The newest mail of `kind` to `to`. */
export async function latestMail(db: Database, to: string, kind: string) {
	const [row] = await db
		.select()
		.from(outboxMail)
		.where(and(eq(outboxMail.toAddress, to), eq(outboxMail.kind, kind)))
		.orderBy(desc(outboxMail.id))
		.limit(1);
	return row;
}

export async function mailsTo(db: Database, to: string, kind: string) {
	return db
		.select()
		.from(outboxMail)
		.where(and(eq(outboxMail.toAddress, to), eq(outboxMail.kind, kind)));
}

/** The token of a guardian link of `kind` ('unsubscribe', 'data' or 'export') in a mail's text. */
export function linkToken(text: string, kind: 'unsubscribe' | 'data' | 'export'): string {
	const token = new RegExp(`/guardians/${kind}/([a-z2-7]{32})`).exec(text)?.[1];
	if (!token) throw new Error(`no ${kind} link in mail`);
	return token;
}
