// Joining: a signed-in person applies, the guardian consents by a mailed link, a coordinator approves or rejects.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { users, type Locale } from '../db/schema';
import * as auth from '../auth';
import * as audit from '../audit';
import * as mail from '../mail';
import * as rateLimit from '../ratelimit';
import type { ApplicationForm } from '../../validation/membership';
import { isUuid } from '../ids';
import type { Channel } from '$lib/referrals/channels';
import { issueConsentLink, peekConsentLink, redeemConsentLink } from './consent';
import { japanDate, schoolYearOf } from '../../japan-time';
import { nextMemberNumber } from './numbers';
import { memberApplications, members, memberStatusChanges, type MemberApplication } from './schema';
import { otherSchoolCode, schoolName } from './schools';
import { privacyStatementVersion, type ApplicationStatus } from './vocabulary';
import { ok, refuse, refusalOf, Refused, type Outcome } from '../outcome';

export interface Applicant {
	id: string;
	email: string;
	displayName: string;
	locale: Locale;
	emailVerified: boolean;
}

export type ApplicationProblem =
	| 'join_error_email_unverified'
	| 'join_error_already_member'
	| 'join_error_already_open'
	| 'join_error_guardian_is_self'
	| 'join_error_too_many_mails'
	| 'join_error_nothing_open';

const openStatuses: ApplicationStatus[] = ['awaiting_consent', 'awaiting_review'];
// Consent mails one applicant can cause per day: the first one plus two resends.
const consentMailWindow = { limit: 3, windowMs: 24 * 60 * 60 * 1000 };

async function sendConsentRequest(db: Database, application: MemberApplication, origin: string, now: Date): Promise<void> {
	// Per applicant, and per guardian address whoever names it (see mail/limits.ts).
	const allowed =
		(await rateLimit.tryConsume(db, `consent-mail:${application.userId}`, consentMailWindow)) &&
		(await mail.allowFormMail(db, 'guardian-consent', { address: application.guardianEmail! }));
	if (!allowed) throw new Refused('join_error_too_many_mails');
	const { token, expiresAt } = await issueConsentLink(db, application.id, now);
	await mail.enqueueMail(db, {
		kind: 'guardian_consent',
		to: application.guardianEmail!,
		...mail.consentRequestMail(application.locale, {
			guardianName: application.guardianName!,
			childName: application.fullName!,
			link: `${origin}/consent/${token}`,
			expiresOn: japanDate(expiresAt)
		})
	});
}

/** Records the application and mails the guardian a consent link. */
/** Where an application came from, beyond the channel named on the form: a ref code followed, a trial booked. */
export interface ApplicationSource {
	refCodeId?: string | null;
	trialBookingId?: string | null;
	/** The trial booking's channel, when the form names none. */
	channel?: Channel | null;
}

export async function submitApplication(
	db: Database,
	applicant: Applicant,
	form: ApplicationForm,
	origin: string,
	now = new Date(),
	source: ApplicationSource = {}
): Promise<Outcome<ApplicationProblem>> {
	if (!applicant.emailVerified) return refuse('join_error_email_unverified');
	if (form.guardianEmail.toLowerCase() === applicant.email.toLowerCase()) return refuse('join_error_guardian_is_self');
	return refusalOf(() =>
		db.transaction(async (tx) => {
			const [existingMember] = await tx.select({ id: members.id }).from(members).where(eq(members.userId, applicant.id));
			if (existingMember) return refuse('join_error_already_member');
			const [application] = await tx
				.insert(memberApplications)
				.values({
					userId: applicant.id,
					nickname: form.nickname,
					fullName: form.fullName,
					schoolCode: form.school,
					schoolOther: form.school === otherSchoolCode ? (form.schoolOther ?? null) : null,
					grade: form.grade,
					gender: form.gender,
					guardianName: form.guardianName,
					guardianEmail: form.guardianEmail,
					statementVersion: privacyStatementVersion,
					locale: applicant.locale,
					createdAt: now,
					channel: form.channel ?? source.channel ?? null,
					refCodeId: source.refCodeId ?? null,
					trialBookingId: source.trialBookingId ?? null
				})
				.onConflictDoNothing()
				.returning();
			if (!application) return refuse('join_error_already_open');
			await sendConsentRequest(tx, application, origin, now);
			return ok;
		})
	);
}

export interface OwnApplication {
	id: string;
	status: ApplicationStatus;
	nickname: string | null;
	guardianEmail: string | null;
	createdAt: Date;
	rejectionReason: string | null;
}

/** The person's latest application, as they see it on the join page. */
export async function latestApplication(db: Database, userId: string): Promise<OwnApplication | null> {
	const [row] = await db
		.select({
			id: memberApplications.id,
			status: memberApplications.status,
			nickname: memberApplications.nickname,
			guardianEmail: memberApplications.guardianEmail,
			createdAt: memberApplications.createdAt,
			rejectionReason: memberApplications.rejectionReason
		})
		.from(memberApplications)
		.where(eq(memberApplications.userId, userId))
		.orderBy(desc(memberApplications.createdAt))
		.limit(1);
	return row ?? null;
}

/** A new consent link for an application still waiting for the guardian (the old link stops working). */
export async function resendConsentRequest(db: Database, userId: string, origin: string, now = new Date()): Promise<Outcome<ApplicationProblem>> {
	return refusalOf(() =>
		db.transaction(async (tx) => {
			const [application] = await tx
				.select()
				.from(memberApplications)
				.where(and(eq(memberApplications.userId, userId), eq(memberApplications.status, 'awaiting_consent')));
			if (!application) return refuse('join_error_nothing_open');
			await sendConsentRequest(tx, application, origin, now);
			return ok;
		})
	);
}

/** The applicant withdraws an open application (to correct it, or because they changed their mind). */
export async function cancelApplication(db: Database, userId: string): Promise<boolean> {
	const cancelled = await db
		.update(memberApplications)
		.set({ status: 'cancelled' })
		.where(and(eq(memberApplications.userId, userId), inArray(memberApplications.status, openStatuses)))
		.returning({ id: memberApplications.id });
	return cancelled.length > 0;
}

export interface ConsentRequest {
	childName: string;
	nickname: string;
	school: string | null;
	grade: MemberApplication['grade'];
	guardianName: string;
}

/** What the guardian is asked to consent to; null when the link no longer works. */
export async function findConsentRequest(db: Database, token: string, now = new Date()): Promise<ConsentRequest | null> {
	const applicationId = await peekConsentLink(db, token, now);
	if (!applicationId) return null;
	const [application] = await db
		.select()
		.from(memberApplications)
		.where(and(eq(memberApplications.id, applicationId), eq(memberApplications.status, 'awaiting_consent')));
	if (!application) return null;
	return {
		childName: application.fullName ?? '',
		nickname: application.nickname ?? '',
		school: schoolName(application.schoolCode, application.schoolOther),
		grade: application.grade,
		guardianName: application.guardianName ?? ''
	};
}

/**
 * The guardian's answer. False when the link is unknown, used, expired, or the application was withdrawn.
 * `afterDecision` runs in the same transaction, for what the caller records with the answer (the guardian's choices).
 */
export async function decideConsent(
	db: Database,
	token: string,
	decision: 'consent' | 'decline',
	now = new Date(),
	afterDecision?: (tx: Database, application: MemberApplication) => Promise<void>
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const applicationId = await redeemConsentLink(tx, token, now);
		if (!applicationId) return false;
		const [application] = await tx
			.update(memberApplications)
			.set({ status: decision === 'consent' ? 'awaiting_review' : 'consent_declined', consentDecidedAt: now })
			.where(and(eq(memberApplications.id, applicationId), eq(memberApplications.status, 'awaiting_consent')))
			.returning();
		if (!application?.userId) return false;
		await afterDecision?.(tx, application);
		const [applicant] = await tx.select().from(users).where(eq(users.id, application.userId));
		if (applicant) {
			const compose = decision === 'consent' ? mail.consentGivenMail : mail.consentDeclinedMail;
			await mail.enqueueMail(tx, { kind: `guardian_${decision}`, to: applicant.email, ...compose(applicant.locale, { name: applicant.displayName }) });
		}
		return true;
	});
}

export interface ApplicationSummary {
	id: string;
	status: ApplicationStatus;
	nickname: string | null;
	fullName: string | null;
	school: string | null;
	grade: MemberApplication['grade'];
	createdAt: Date;
	consentDecidedAt: Date | null;
}

/** The coordinators' queue: the open applications by default, oldest first. */
export async function listApplications(db: Database, statuses: ApplicationStatus[] = openStatuses, limit = 200): Promise<ApplicationSummary[]> {
	const rows = await db
		.select()
		.from(memberApplications)
		.where(inArray(memberApplications.status, statuses))
		.orderBy(asc(memberApplications.createdAt))
		.limit(limit);
	return rows.map((row) => ({
		id: row.id,
		status: row.status,
		nickname: row.nickname,
		fullName: row.fullName,
		school: schoolName(row.schoolCode, row.schoolOther),
		grade: row.grade,
		createdAt: row.createdAt,
		consentDecidedAt: row.consentDecidedAt
	}));
}

export async function countApplicationsByStatus(db: Database): Promise<Partial<Record<ApplicationStatus, number>>> {
	const rows = await db
		.select({ status: memberApplications.status, count: sql<number>`count(*)::int` })
		.from(memberApplications)
		.groupBy(memberApplications.status);
	return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

export interface ApplicationDetail extends ApplicationSummary {
	schoolOther: string | null;
	gender: MemberApplication['gender'];
	guardianName: string | null;
	guardianEmail: string | null;
	accountEmail: string | null;
	statementVersion: string;
	reviewedAt: Date | null;
	rejectionReason: string | null;
}

/** Opening an application shows personal fields, so it is written to the audit log. */
export async function viewApplication(db: Database, actor: audit.Actor, applicationId: string): Promise<ApplicationDetail | null> {
	if (!isUuid(applicationId)) return null;
	const [row] = await db
		.select({ application: memberApplications, accountEmail: users.email })
		.from(memberApplications)
		.leftJoin(users, eq(users.id, memberApplications.userId))
		.where(eq(memberApplications.id, applicationId));
	if (!row) return null;
	const application = row.application;
	await audit.record(db, actor, 'application_viewed', { detail: { applicationId } });
	return {
		id: application.id,
		status: application.status,
		nickname: application.nickname,
		fullName: application.fullName,
		school: schoolName(application.schoolCode, application.schoolOther),
		grade: application.grade,
		createdAt: application.createdAt,
		consentDecidedAt: application.consentDecidedAt,
		schoolOther: application.schoolOther,
		gender: application.gender,
		guardianName: application.guardianName,
		guardianEmail: application.guardianEmail,
		accountEmail: row.accountEmail,
		statementVersion: application.statementVersion,
		reviewedAt: application.reviewedAt,
		rejectionReason: application.rejectionReason
	};
}

export type ReviewProblem = 'applications_error_not_found' | 'applications_error_not_reviewable' | 'join_error_already_member';

/**
 * Approval makes the applicant a member: a member number of this year, today's join date (Japan), the status
 * "active", and the student role. Only after the guardian consented.
 */
export async function approveApplication(
	db: Database,
	actor: audit.Actor,
	applicationId: string,
	origin: string,
	now = new Date()
): Promise<Outcome<ReviewProblem, { memberId: string; memberNumber: string; fullName: string | null }>> {
	if (!isUuid(applicationId)) return refuse('applications_error_not_found');
	return db.transaction(async (tx) => {
		const [application] = await tx.select().from(memberApplications).where(eq(memberApplications.id, applicationId)).for('update');
		if (!application) return refuse('applications_error_not_found');
		if (application.status !== 'awaiting_review' || !application.userId) return refuse('applications_error_not_reviewable');
		const [existing] = await tx.select({ id: members.id }).from(members).where(eq(members.userId, application.userId));
		if (existing) return refuse('join_error_already_member');
		const today = japanDate(now);
		const memberNumber = await nextMemberNumber(tx, Number(today.slice(0, 4)));
		const [member] = await tx
			.insert(members)
			.values({
				memberNumber,
				userId: application.userId,
				applicationId,
				source: 'application',
				nickname: application.nickname,
				fullName: application.fullName,
				schoolCode: application.schoolCode,
				schoolOther: application.schoolOther,
				grade: application.grade,
				gradeSchoolYear: schoolYearOf(today),
				gender: application.gender,
				guardianName: application.guardianName,
				guardianEmail: application.guardianEmail,
				joinedOn: today,
				status: 'active',
				statusChangedOn: today
			})
			.returning({ id: members.id });
		await tx.insert(memberStatusChanges).values({ memberId: member!.id, status: 'active', changedOn: today, changedBy: actor.id });
		await tx.update(memberApplications).set({ status: 'approved', reviewedAt: now, reviewedBy: actor.id }).where(eq(memberApplications.id, applicationId));
		await auth.grantRole(tx, application.userId, 'student');
		await audit.record(tx, actor, 'application_approved', { memberId: member!.id, detail: { applicationId, memberNumber } });
		const [applicant] = await tx.select().from(users).where(eq(users.id, application.userId));
		if (applicant) {
			await mail.enqueueMail(tx, {
				kind: 'membership_approved',
				to: applicant.email,
				...mail.membershipApprovedMail(applicant.locale, { name: applicant.displayName, memberNumber, link: `${origin}/student` })
			});
		}
		return { ok: true, memberId: member!.id, memberNumber, fullName: application.fullName };
	});
}

/** Rejection needs a reason, which the applicant sees on the join page and in a mail. */
export async function rejectApplication(
	db: Database,
	actor: audit.Actor,
	applicationId: string,
	reason: string,
	now = new Date()
): Promise<Outcome<ReviewProblem>> {
	if (!isUuid(applicationId)) return refuse('applications_error_not_found');
	return db.transaction(async (tx) => {
		const [application] = await tx
			.update(memberApplications)
			.set({ status: 'rejected', rejectionReason: reason, reviewedAt: now, reviewedBy: actor.id })
			.where(and(eq(memberApplications.id, applicationId), inArray(memberApplications.status, openStatuses)))
			.returning();
		if (!application) {
			const [exists] = await tx.select({ id: memberApplications.id }).from(memberApplications).where(eq(memberApplications.id, applicationId));
			return refuse(exists ? 'applications_error_not_reviewable' : 'applications_error_not_found');
		}
		await audit.record(tx, actor, 'application_rejected', { detail: { applicationId } });
		const [applicant] = application.userId ? await tx.select().from(users).where(eq(users.id, application.userId)) : [];
		if (applicant) {
			await mail.enqueueMail(tx, {
				kind: 'membership_rejected',
				to: applicant.email,
				...mail.membershipRejectedMail(applicant.locale, { name: applicant.displayName, reason })
			});
		}
		return ok;
	});
}

/** How the audit log names the people behind membership applications (null once anonymised), by application id. */
export async function applicationLabels(db: Database, applicationIds: string[]): Promise<Record<string, { name: string | null }>> {
	const ids = [...new Set(applicationIds.filter(isUuid))];
	if (ids.length === 0) return {};
	const rows = await db
		.select({ id: memberApplications.id, name: memberApplications.fullName })
		.from(memberApplications)
		.where(inArray(memberApplications.id, ids));
	return Object.fromEntries(rows.map(({ id, name }) => [id, { name }]));
}
