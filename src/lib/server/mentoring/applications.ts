// Becoming a mentor: a signed-in person applies (agreeing to the code of conduct), a coordinator reads the whole
// application and approves (the mentor role is granted) or rejects it with a reason; both are mailed.
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { users, type Locale } from '../db/schema';
import * as auth from '../auth';
import * as audit from '../audit';
import * as mail from '../mail';
import { isUuid } from '../ids';
import type { MentorApplicationInput } from '../../validation/mentoring';
import { mentorApplications, mentors, partnerOrganisations, type MentorApplication } from './schema';
import { codeOfConductVersion, type Affiliation, type MentorApplicationStatus } from './vocabulary';
import { ok, refuse, type Outcome } from '../outcome';

export interface MentorApplicant {
	id: string;
	locale: Locale;
	emailVerified: boolean;
	roles: readonly string[];
}

export type MentorApplicationProblem =
	| 'mentor_error_email_unverified'
	| 'mentor_error_already_mentor'
	| 'mentor_error_deactivated'
	| 'mentor_error_already_open'
	| 'mentor_error_organisation_unknown';

export async function submitMentorApplication(
	db: Database,
	applicant: MentorApplicant,
	form: MentorApplicationInput,
	now = new Date()
): Promise<Outcome<MentorApplicationProblem>> {
	if (!applicant.emailVerified) return refuse('mentor_error_email_unverified');
	if (applicant.roles.includes('mentor')) return refuse('mentor_error_already_mentor');
	return db.transaction(async (tx) => {
		const [mentor] = await tx.select({ deactivatedAt: mentors.deactivatedAt }).from(mentors).where(eq(mentors.userId, applicant.id));
		if (mentor?.deactivatedAt) return refuse('mentor_error_deactivated');
		if (form.organisationId) {
			if (!isUuid(form.organisationId)) return refuse('mentor_error_organisation_unknown');
			const [partner] = await tx
				.select({ archivedAt: partnerOrganisations.archivedAt })
				.from(partnerOrganisations)
				.where(eq(partnerOrganisations.id, form.organisationId));
			if (!partner || partner.archivedAt) return refuse('mentor_error_organisation_unknown');
		}
		const [created] = await tx
			.insert(mentorApplications)
			.values({ ...form, userId: applicant.id, codeOfConductVersion, locale: applicant.locale, createdAt: now })
			.onConflictDoNothing()
			.returning({ id: mentorApplications.id });
		return created ? ok : refuse('mentor_error_already_open');
	});
}

/** An applicant's own application, as their status page tells it: received, under review (a coordinator opened it), decided. */
export interface OwnMentorApplication {
	id: string;
	status: MentorApplicationStatus;
	createdAt: Date;
	firstViewedAt: Date | null;
	reviewedAt: Date | null;
	rejectionReason: string | null;
}

export async function latestMentorApplication(db: Database, userId: string): Promise<OwnMentorApplication | null> {
	const [row] = await db
		.select({
			id: mentorApplications.id,
			status: mentorApplications.status,
			createdAt: mentorApplications.createdAt,
			firstViewedAt: mentorApplications.firstViewedAt,
			reviewedAt: mentorApplications.reviewedAt,
			rejectionReason: mentorApplications.rejectionReason
		})
		.from(mentorApplications)
		.where(eq(mentorApplications.userId, userId))
		.orderBy(desc(mentorApplications.createdAt))
		.limit(1);
	return row ?? null;
}

export async function withdrawMentorApplication(db: Database, userId: string): Promise<boolean> {
	const withdrawn = await db
		.update(mentorApplications)
		.set({ status: 'withdrawn' })
		.where(and(eq(mentorApplications.userId, userId), eq(mentorApplications.status, 'awaiting_review')))
		.returning({ id: mentorApplications.id });
	return withdrawn.length > 0;
}

export interface MentorApplicationSummary {
	id: string;
	status: MentorApplicationStatus;
	fullName: string;
	organisation: string;
	affiliation: Affiliation;
	createdAt: Date;
}

function organisationName(row: { organisationOther: string | null }, partner: { name: string } | null): string {
	return partner?.name ?? row.organisationOther ?? '';
}

/** The coordinators' queue, oldest first. */
export async function listMentorApplications(
	db: Database,
	statuses: MentorApplicationStatus[] = ['awaiting_review'],
	limit = 200
): Promise<MentorApplicationSummary[]> {
	const rows = await db
		.select({ application: mentorApplications, partner: { name: partnerOrganisations.name } })
		.from(mentorApplications)
		.leftJoin(partnerOrganisations, eq(partnerOrganisations.id, mentorApplications.organisationId))
		.where(inArray(mentorApplications.status, statuses))
		.orderBy(asc(mentorApplications.createdAt))
		.limit(limit);
	return rows.map(({ application, partner }) => ({
		id: application.id,
		status: application.status,
		fullName: application.fullName,
		organisation: organisationName(application, partner),
		affiliation: application.affiliation,
		createdAt: application.createdAt
	}));
}

export interface MentorApplicationDetail extends Omit<MentorApplication, 'organisationOther' | 'reviewedBy'> {
	organisation: string;
	partner: boolean;
	accountEmail: string | null;
	accountName: string | null;
	reviewerName: string | null;
}

/** The whole application, for the coordinator deciding on it: personal data, so the view is audited. */
export async function viewMentorApplication(
	db: Database,
	actor: audit.Actor,
	applicationId: string,
	now = new Date()
): Promise<MentorApplicationDetail | null> {
	if (!isUuid(applicationId)) return null;
	const [row] = await db
		.select({
			application: mentorApplications,
			partner: { name: partnerOrganisations.name },
			account: { email: users.email, displayName: users.displayName }
		})
		.from(mentorApplications)
		.leftJoin(partnerOrganisations, eq(partnerOrganisations.id, mentorApplications.organisationId))
		.leftJoin(users, eq(users.id, mentorApplications.userId))
		.where(eq(mentorApplications.id, applicationId));
	if (!row) return null;
	await audit.record(db, actor, 'mentor_application_viewed', { detail: { applicationId } });
	if (!row.application.firstViewedAt && row.application.status === 'awaiting_review') {
		await db
			.update(mentorApplications)
			.set({ firstViewedAt: now })
			.where(and(eq(mentorApplications.id, applicationId), isNull(mentorApplications.firstViewedAt)));
	}
	const { organisationOther, reviewedBy, ...application } = row.application;
	const [reviewer] = reviewedBy ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, reviewedBy)) : [];
	return {
		...application,
		organisation: organisationName({ organisationOther }, row.partner),
		partner: row.partner !== null,
		accountEmail: row.account?.email ?? null,
		accountName: row.account?.displayName ?? null,
		reviewerName: reviewer?.name ?? null
	};
}

export type MentorReviewProblem = 'mentor_error_application_not_found' | 'mentor_error_not_reviewable';

/** Approval grants the mentor role (effective on the applicant's next request) and records where they come from. */
export async function approveMentorApplication(
	db: Database,
	actor: audit.Actor,
	applicationId: string,
	origin: string,
	now = new Date()
): Promise<Outcome<MentorReviewProblem>> {
	if (!isUuid(applicationId)) return refuse('mentor_error_application_not_found');
	return db.transaction(async (tx) => {
		const [application] = await tx.select().from(mentorApplications).where(eq(mentorApplications.id, applicationId)).for('update');
		if (!application) return refuse('mentor_error_application_not_found');
		if (application.status !== 'awaiting_review' || !application.userId) return refuse('mentor_error_not_reviewable');
		const [applicant] = await tx.select().from(users).where(eq(users.id, application.userId));
		if (!applicant || applicant.disabledAt) return refuse('mentor_error_not_reviewable');
		const profile = {
			applicationId,
			organisationId: application.organisationId,
			organisationOther: application.organisationOther,
			affiliation: application.affiliation,
			approvedAt: now,
			approvedBy: actor.id,
			deactivatedAt: null,
			deactivatedBy: null,
			deactivationReason: null
		};
		await tx
			.insert(mentors)
			.values({ userId: application.userId, ...profile })
			.onConflictDoUpdate({ target: mentors.userId, set: profile });
		await auth.grantRole(tx, application.userId, 'mentor');
		await tx.update(mentorApplications).set({ status: 'approved', reviewedAt: now, reviewedBy: actor.id }).where(eq(mentorApplications.id, applicationId));
		await audit.record(tx, actor, 'mentor_approved', { detail: { applicationId } });
		await mail.enqueueMail(tx, {
			kind: 'mentor_approved',
			to: applicant.email,
			...mail.mentorApprovedMail(applicant.locale, { name: applicant.displayName, link: `${origin}/mentor` })
		});
		return ok;
	});
}

/** Rejection needs a reason, which the applicant reads on the application page and in a mail. */
export async function rejectMentorApplication(
	db: Database,
	actor: audit.Actor,
	applicationId: string,
	reason: string,
	now = new Date()
): Promise<Outcome<MentorReviewProblem>> {
	if (!isUuid(applicationId)) return refuse('mentor_error_application_not_found');
	return db.transaction(async (tx) => {
		const [application] = await tx
			.update(mentorApplications)
			.set({ status: 'rejected', rejectionReason: reason, reviewedAt: now, reviewedBy: actor.id })
			.where(and(eq(mentorApplications.id, applicationId), eq(mentorApplications.status, 'awaiting_review')))
			.returning();
		if (!application) {
			const [exists] = await tx.select({ id: mentorApplications.id }).from(mentorApplications).where(eq(mentorApplications.id, applicationId));
			return refuse(exists ? 'mentor_error_not_reviewable' : 'mentor_error_application_not_found');
		}
		await audit.record(tx, actor, 'mentor_rejected', { detail: { applicationId } });
		const [applicant] = application.userId ? await tx.select().from(users).where(eq(users.id, application.userId)) : [];
		if (applicant) {
			await mail.enqueueMail(tx, {
				kind: 'mentor_rejected',
				to: applicant.email,
				...mail.mentorRejectedMail(applicant.locale, { name: applicant.displayName, reason })
			});
		}
		return ok;
	});
}

/** How the audit log names mentor applicants, by application id. */
export async function mentorApplicationLabels(db: Database, applicationIds: string[]): Promise<Record<string, { name: string }>> {
	const ids = [...new Set(applicationIds.filter(isUuid))];
	if (ids.length === 0) return {};
	const rows = await db
		.select({ id: mentorApplications.id, name: mentorApplications.fullName })
		.from(mentorApplications)
		.where(inArray(mentorApplications.id, ids));
	return Object.fromEntries(rows.map(({ id, name }) => [id, { name }]));
}
