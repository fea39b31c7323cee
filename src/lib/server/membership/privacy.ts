// A member's rights over their own data: download it, and ask for it to be deleted. Deletion anonymises the
// personal fields; the membership itself (number, join date, dated statuses) stays and keeps counting.
import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from '../db';
import { userRoles, users } from '../db/schema';
import * as auth from '../auth';
import * as audit from '../audit';
import { japanDate, schoolYearOf } from '../../japan-time';
import { isUuid } from '../ids';
import { guardianConsentLinks, memberApplications, memberNotes, members, memberStatusChanges } from './schema';
import { schoolName } from './schools';
import { currentGrade, currentStatuses } from './vocabulary';
import { ok, refuse, type Outcome } from '../outcome';

/**
 * Everything the portal keeps about the person's account and membership, for their own data download (own-data.ts
 * adds what other domains keep and writes the audit record). `memberId` is for that record, not the document.
 * The person asking is the account's owner, or their guardian through a mailed link (guardians/requests.ts).
 */
export async function exportOwnMembershipData(db: Database, userId: string, now: Date) {
	const [account] = await db.select().from(users).where(eq(users.id, userId));
	if (!account) throw new Error('account not found');
	const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
	const [member] = await db.select().from(members).where(eq(members.userId, userId));
	const applications = await db.select().from(memberApplications).where(eq(memberApplications.userId, userId)).orderBy(asc(memberApplications.createdAt));
	const history = member
		? await db
				.select({ status: memberStatusChanges.status, changedOn: memberStatusChanges.changedOn, reason: memberStatusChanges.reason })
				.from(memberStatusChanges)
				.where(eq(memberStatusChanges.memberId, member.id))
				.orderBy(asc(memberStatusChanges.changedOn), asc(memberStatusChanges.id))
		: [];
	// Coordinators' notes about a member are the member's data too; the note form says so.
	const notes = member
		? await db
				.select({ body: memberNotes.body, createdAt: memberNotes.createdAt })
				.from(memberNotes)
				.where(eq(memberNotes.memberId, member.id))
				.orderBy(desc(memberNotes.createdAt))
		: [];
	const today = japanDate(now);
	const document = {
		exportedAt: now.toISOString(),
		account: {
			email: account.email,
			displayName: account.displayName,
			locale: account.locale,
			roles: roles.map((row) => row.role).sort(),
			createdAt: account.createdAt.toISOString()
		},
		membership: member
			? {
					memberNumber: member.memberNumber,
					nickname: member.nickname,
					fullName: member.fullName,
					school: schoolName(member.schoolCode, member.schoolOther),
					grade: member.grade,
					gradeRecordedInSchoolYear: member.gradeSchoolYear,
					gradeToday: member.grade && member.gradeSchoolYear ? currentGrade(member.grade, member.gradeSchoolYear, schoolYearOf(today)) : null,
					gender: member.gender,
					guardianName: member.guardianName,
					guardianEmail: member.guardianEmail,
					joinedOn: member.joinedOn,
					status: member.status,
					statusHistory: history,
					notesByCoordinators: notes.map((note) => ({ body: note.body, createdAt: note.createdAt.toISOString() })),
					deletionRequestedAt: member.deletionRequestedAt?.toISOString() ?? null
				}
			: null,
		applications: applications.map((application) => ({
			status: application.status,
			nickname: application.nickname,
			fullName: application.fullName,
			school: schoolName(application.schoolCode, application.schoolOther),
			grade: application.grade,
			gender: application.gender,
			guardianName: application.guardianName,
			guardianEmail: application.guardianEmail,
			privacyStatementVersion: application.statementVersion,
			createdAt: application.createdAt.toISOString(),
			guardianDecidedAt: application.consentDecidedAt?.toISOString() ?? null,
			rejectionReason: application.rejectionReason
		}))
	};
	return { memberId: member?.id ?? null, document };
}

export type DeletionOutcome = 'requested' | 'already_requested' | 'applications_erased' | 'nothing_to_delete';

/**
 * A member's request goes to the coordinators, who carry it out (they may need to settle things first, such as
 * an event the member signed up for). Someone who never became a member has nothing that counts, so their
 * applications are anonymised at once.
 */
/** Whether someone who is not a member still has application records that a deletion request would erase. */
export async function hasErasableApplications(db: Database, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: memberApplications.id })
		.from(memberApplications)
		.where(and(eq(memberApplications.userId, userId), isNull(memberApplications.anonymisedAt)))
		.limit(1);
	return Boolean(row);
}

export async function requestDeletion(db: Database, actor: audit.Actor, reason: string | undefined, now = new Date()): Promise<DeletionOutcome> {
	return db.transaction(async (tx) => {
		const [member] = await tx.select().from(members).where(eq(members.userId, actor.id)).for('update');
		if (member) return markDeletionRequested(tx, actor, member, reason, now);
		const erased = await anonymiseApplications(tx, [actor.id], now);
		return erased > 0 ? 'applications_erased' : 'nothing_to_delete';
	});
}

/** How the audit log names a guardian acting through a mailed link: they have no account. */
export const guardianActor: audit.Outsider = { id: null, displayName: '保護者' };

/**
 * The guardian's request for the child of an application (from a mailed link), under the same rules as the
 * member's own: a member's goes to the coordinators; an application that never became a membership is erased now.
 */
export async function requestDeletionByGuardian(db: Database, applicationId: string, now = new Date()): Promise<DeletionOutcome> {
	if (!isUuid(applicationId)) return 'nothing_to_delete';
	return db.transaction(async (tx) => {
		const [member] = await tx
			.select()
			.from(members)
			.where(and(eq(members.applicationId, applicationId), isNull(members.anonymisedAt)))
			.for('update');
		if (member) return markDeletionRequested(tx, guardianActor, member, undefined, now);
		const erased = await anonymiseApplications(tx, [], now, [applicationId]);
		if (erased > 0) await audit.record(tx, guardianActor, 'deletion_requested', { detail: { applicationId, erased: true } });
		return erased > 0 ? 'applications_erased' : 'nothing_to_delete';
	});
}

async function markDeletionRequested(
	tx: Database,
	actor: audit.Actor | audit.Outsider,
	member: typeof members.$inferSelect,
	reason: string | undefined,
	now: Date
): Promise<DeletionOutcome> {
	if (member.deletionRequestedAt) return 'already_requested';
	await tx.update(members).set({ deletionRequestedAt: now, updatedAt: now }).where(eq(members.id, member.id));
	if (reason) await tx.insert(memberNotes).values({ memberId: member.id, authorId: actor.id, body: reason });
	await audit.record(tx, actor, 'deletion_requested', { memberId: member.id, detail: actor.id ? {} : { byGuardian: true } });
	return 'requested';
}

async function anonymiseApplications(db: Database, userIds: string[], now: Date, applicationIds: string[] = []): Promise<number> {
	const where = and(
		or(
			userIds.length ? inArray(memberApplications.userId, userIds) : undefined,
			applicationIds.length ? inArray(memberApplications.id, applicationIds) : undefined
		),
		isNull(memberApplications.anonymisedAt)
	);
	const erased = await db
		.update(memberApplications)
		.set({
			nickname: null,
			fullName: null,
			schoolCode: null,
			schoolOther: null,
			grade: null,
			gender: null,
			guardianName: null,
			guardianEmail: null,
			rejectionReason: null,
			anonymisedAt: now,
			userId: null
		})
		.where(where)
		.returning({ id: memberApplications.id, status: memberApplications.status });
	const ids = erased.map((row) => row.id);
	if (ids.length) {
		await db.delete(guardianConsentLinks).where(inArray(guardianConsentLinks.applicationId, ids));
		// Open applications end with the erasure; the rest keep their outcome (approved, rejected, ...).
		await db
			.update(memberApplications)
			.set({ status: 'cancelled' })
			.where(and(inArray(memberApplications.id, ids), inArray(memberApplications.status, ['awaiting_consent', 'awaiting_review'])));
	}
	return ids.length;
}

export type AnonymiseProblem = 'member_not_found' | 'member_anonymised';

/**
 * Carries out a deletion: names, school, grade, gender, guardian, notes and the link to the account are erased.
 * Member number, join date and the dated statuses stay, so the person still counts in the cumulative number;
 * someone still in the club is recorded as withdrawn today.
 */
export async function anonymiseMember(db: Database, actor: audit.Actor, memberId: string, now = new Date()): Promise<Outcome<AnonymiseProblem>> {
	if (!isUuid(memberId)) return refuse('member_not_found');
	return db.transaction(async (tx) => {
		const [member] = await tx.select().from(members).where(eq(members.id, memberId)).for('update');
		if (!member) return refuse('member_not_found');
		if (member.anonymisedAt) return refuse('member_anonymised');
		const today = japanDate(now);
		const leaving = currentStatuses.includes(member.status);
		const statusChangedOn = leaving ? (today < member.statusChangedOn ? member.statusChangedOn : today) : member.statusChangedOn;
		await tx
			.update(members)
			.set({
				nickname: null,
				fullName: null,
				schoolCode: null,
				schoolOther: null,
				grade: null,
				gradeSchoolYear: null,
				gender: null,
				guardianName: null,
				guardianEmail: null,
				userId: null,
				status: leaving ? 'withdrawn' : member.status,
				statusChangedOn,
				anonymisedAt: now,
				updatedAt: now
			})
			.where(eq(members.id, memberId));
		await tx.update(memberStatusChanges).set({ reason: null }).where(eq(memberStatusChanges.memberId, memberId));
		if (leaving) await tx.insert(memberStatusChanges).values({ memberId, status: 'withdrawn', changedOn: statusChangedOn, changedBy: actor.id });
		await tx.delete(memberNotes).where(eq(memberNotes.memberId, memberId));
		await anonymiseApplications(tx, member.userId ? [member.userId] : [], now, member.applicationId ? [member.applicationId] : []);
		if (member.userId) await auth.revokeRole(tx, member.userId, 'student');
		await audit.record(tx, actor, 'member_anonymised', { memberId, detail: { memberNumber: member.memberNumber } });
		return ok;
	});
}
