// Members: everyone ever approved or imported, with or without a portal account. Only coordinators see these rows.
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import * as auth from '../auth';
import * as audit from '../audit';
import { japanDate, schoolYearOf } from '../../japan-time';
import { memberNotes, members, memberStatusChanges, memberApplications, type Member } from './schema';
import { isUuid } from '../ids';
import { schoolName } from './schools';
import { currentGrade, currentStatuses, type Grade, type MemberStatus } from './vocabulary';
import { ok, refuse, type Outcome } from '../outcome';

/** Today's grade in SQL, as `currentGrade` computes it: the recorded grade moved on by the school years since. */
export function currentGradeSql(schoolYear: number): SQL<string | null> {
	return sql<string | null>`case
		when ${members.grade} is null then null
		when ${members.grade} = 'other' then 'other'
		else coalesce(
			(array['jh1','jh2','jh3','hs1','hs2','hs3'])[
				array_position(array['jh1','jh2','jh3','hs1','hs2','hs3'], ${members.grade}) + greatest(0, ${schoolYear}::int - ${members.gradeSchoolYear})
			],
			'graduated')
	end`;
}

export interface MemberFilter {
	search?: string;
	schoolCode?: string;
	grade?: Grade | 'graduated';
	status?: MemberStatus;
	joinYear?: number;
	deletionRequested?: boolean;
}

export interface MemberSummary {
	id: string;
	memberNumber: string;
	nickname: string | null;
	fullName: string | null;
	school: string | null;
	schoolCode: string | null;
	grade: Grade | 'graduated' | null;
	gender: Member['gender'];
	status: MemberStatus;
	statusChangedOn: string;
	joinedOn: string;
	hasAccount: boolean;
	deletionRequested: boolean;
	anonymised: boolean;
}

function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function memberConditions(filter: MemberFilter, schoolYear: number): SQL | undefined {
	const conditions: SQL[] = [];
	if (filter.search) {
		const pattern = `%${escapeLike(filter.search.normalize('NFKC').trim())}%`;
		conditions.push(or(ilike(members.fullName, pattern), ilike(members.nickname, pattern), ilike(members.memberNumber, pattern))!);
	}
	if (filter.schoolCode) conditions.push(eq(members.schoolCode, filter.schoolCode));
	if (filter.grade) conditions.push(sql`${currentGradeSql(schoolYear)} = ${filter.grade}`);
	if (filter.status) conditions.push(eq(members.status, filter.status));
	if (filter.joinYear) {
		conditions.push(sql`${members.joinedOn} >= ${`${filter.joinYear}-01-01`}::date and ${members.joinedOn} < ${`${filter.joinYear + 1}-01-01`}::date`);
	}
	if (filter.deletionRequested) conditions.push(and(isNotNull(members.deletionRequestedAt), isNull(members.anonymisedAt))!);
	return conditions.length ? and(...conditions) : undefined;
}

function summarise(row: Member, today: string): MemberSummary {
	return {
		id: row.id,
		memberNumber: row.memberNumber,
		nickname: row.nickname,
		fullName: row.fullName,
		school: schoolName(row.schoolCode, row.schoolOther),
		schoolCode: row.schoolCode,
		grade: row.grade && row.gradeSchoolYear ? currentGrade(row.grade, row.gradeSchoolYear, schoolYearOf(today)) : null,
		gender: row.gender,
		status: row.status,
		statusChangedOn: row.statusChangedOn,
		joinedOn: row.joinedOn,
		hasAccount: row.userId !== null,
		deletionRequested: row.deletionRequestedAt !== null && row.anonymisedAt === null,
		anonymised: row.anonymisedAt !== null
	};
}

/** One page of the members matching the filter, earliest joined first, and how many match in all. */
export async function listMembers(
	db: Database,
	filter: MemberFilter = {},
	page: { limit: number; offset?: number } = { limit: 100 },
	today = japanDate()
): Promise<{ members: MemberSummary[]; total: number }> {
	const where = memberConditions(filter, schoolYearOf(today));
	const [rows, [counted]] = await Promise.all([
		db
			.select()
			.from(members)
			.where(where)
			.orderBy(asc(members.joinedOn), asc(members.memberNumber))
			.limit(page.limit)
			.offset(page.offset ?? 0),
		db
			.select({ total: sql<number>`count(*)::int` })
			.from(members)
			.where(where)
	]);
	return { members: rows.map((row) => summarise(row, today)), total: counted?.total ?? 0 };
}

/** Every member matching the filter with all personal fields, for the CSV export. */
export async function listMembersForExport(
	db: Database,
	filter: MemberFilter,
	today = japanDate()
): Promise<Array<MemberSummary & { guardianName: string | null; guardianEmail: string | null }>> {
	const rows = await db
		.select()
		.from(members)
		.where(memberConditions(filter, schoolYearOf(today)))
		.orderBy(asc(members.joinedOn), asc(members.memberNumber));
	return rows.map((row) => ({ ...summarise(row, today), guardianName: row.guardianName, guardianEmail: row.guardianEmail }));
}

/** The distinct join years, for the member list's filter. */
export async function listJoinYears(db: Database): Promise<number[]> {
	const rows = await db
		.select({ year: sql<number>`distinct extract(year from ${members.joinedOn})::int` })
		.from(members)
		.orderBy(sql`1`);
	return rows.map((row) => row.year);
}

export interface MemberDetail extends MemberSummary {
	schoolOther: string | null;
	gradeRecorded: Grade | null;
	gradeSchoolYear: number | null;
	guardianName: string | null;
	guardianEmail: string | null;
	source: Member['source'];
	accountEmail: string | null;
	consentedAt: Date | null;
	deletionRequestedAt: Date | null;
	anonymisedAt: Date | null;
	history: Array<{ status: MemberStatus; changedOn: string; reason: string | null; changedBy: string | null }>;
	notes: Array<{ id: number; body: string; author: string | null; createdAt: Date }>;
}

export async function findMember(db: Database, memberId: string, today = japanDate()): Promise<MemberDetail | null> {
	if (!isUuid(memberId)) return null;
	const [row] = await db
		.select({ member: members, accountEmail: users.email, consentedAt: memberApplications.consentDecidedAt })
		.from(members)
		.leftJoin(users, eq(users.id, members.userId))
		.leftJoin(memberApplications, eq(memberApplications.id, members.applicationId))
		.where(eq(members.id, memberId));
	if (!row) return null;
	const [history, notes] = await Promise.all([
		db
			.select({
				status: memberStatusChanges.status,
				changedOn: memberStatusChanges.changedOn,
				reason: memberStatusChanges.reason,
				changedBy: users.displayName
			})
			.from(memberStatusChanges)
			.leftJoin(users, eq(users.id, memberStatusChanges.changedBy))
			.where(eq(memberStatusChanges.memberId, memberId))
			.orderBy(asc(memberStatusChanges.changedOn), asc(memberStatusChanges.id)),
		db
			.select({ id: memberNotes.id, body: memberNotes.body, author: users.displayName, createdAt: memberNotes.createdAt })
			.from(memberNotes)
			.leftJoin(users, eq(users.id, memberNotes.authorId))
			.where(eq(memberNotes.memberId, memberId))
			.orderBy(desc(memberNotes.createdAt), desc(memberNotes.id))
	]);
	const member = row.member;
	return {
		...summarise(member, today),
		schoolOther: member.schoolOther,
		gradeRecorded: member.grade,
		gradeSchoolYear: member.gradeSchoolYear,
		guardianName: member.guardianName,
		guardianEmail: member.guardianEmail,
		source: member.source,
		accountEmail: row.accountEmail,
		consentedAt: row.consentedAt,
		deletionRequestedAt: member.deletionRequestedAt,
		anonymisedAt: member.anonymisedAt,
		history,
		notes
	};
}

/** Opening a member's page shows personal fields, so it is written to the audit log. */
export async function viewMember(db: Database, actor: audit.Actor, memberId: string): Promise<MemberDetail | null> {
	const member = await findMember(db, memberId);
	if (member) await audit.record(db, actor, 'member_viewed', { memberId });
	return member;
}

export type StatusChangeProblem = 'member_not_found' | 'member_status_unchanged' | 'member_status_date_invalid' | 'member_anonymised';

/**
 * Records a dated status change. The date may be in the past (a graduation noticed late) but not before the
 * latest recorded change, nor in the future. Members who leave lose the student role; returning ones get it back.
 */
export async function changeStatus(
	db: Database,
	actor: audit.Actor,
	memberId: string,
	change: { status: MemberStatus; changedOn: string; reason?: string | null },
	today = japanDate()
): Promise<Outcome<StatusChangeProblem>> {
	if (!isUuid(memberId)) return refuse('member_not_found');
	return db.transaction(async (tx) => {
		const [member] = await tx.select().from(members).where(eq(members.id, memberId)).for('update');
		if (!member) return refuse('member_not_found');
		if (member.anonymisedAt) return refuse('member_anonymised');
		if (member.status === change.status) return refuse('member_status_unchanged');
		if (change.changedOn > today || change.changedOn < member.statusChangedOn) return refuse('member_status_date_invalid');
		await tx.update(members).set({ status: change.status, statusChangedOn: change.changedOn, updatedAt: new Date() }).where(eq(members.id, memberId));
		await tx.insert(memberStatusChanges).values({
			memberId,
			status: change.status,
			changedOn: change.changedOn,
			reason: change.reason || null,
			changedBy: actor.id
		});
		if (member.userId) {
			if (currentStatuses.includes(change.status)) await auth.grantRole(tx, member.userId, 'student');
			else await auth.revokeRole(tx, member.userId, 'student');
		}
		await audit.record(tx, actor, 'member_status_changed', {
			memberId,
			detail: { from: member.status, to: change.status, changedOn: change.changedOn }
		});
		return ok;
	});
}

export async function addNote(db: Database, actor: audit.Actor, memberId: string, body: string): Promise<Outcome<'member_not_found'>> {
	if (!isUuid(memberId)) return refuse('member_not_found');
	return db.transaction(async (tx) => {
		const [member] = await tx.select({ id: members.id }).from(members).where(eq(members.id, memberId));
		if (!member) return refuse('member_not_found');
		await tx.insert(memberNotes).values({ memberId, authorId: actor.id, body });
		await audit.record(tx, actor, 'member_note_added', { memberId });
		return ok;
	});
}

/** The membership of a portal account, if any. */
export async function findMemberByUser(db: Database, userId: string): Promise<Member | null> {
	const [member] = await db.select().from(members).where(eq(members.userId, userId));
	return member ?? null;
}

/** How the audit log names members: the name (null once anonymised) and the member number, by member id. */
export async function memberLabels(db: Database, memberIds: string[]): Promise<Record<string, { name: string | null; number: string }>> {
	const ids = [...new Set(memberIds.filter(isUuid))];
	if (ids.length === 0) return {};
	const rows = await db.select({ id: members.id, name: members.fullName, number: members.memberNumber }).from(members).where(inArray(members.id, ids));
	return Object.fromEntries(rows.map(({ id, ...label }) => [id, label]));
}
