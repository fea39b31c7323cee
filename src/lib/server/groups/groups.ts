// Groups as coordinators keep them: name and description, archiving, the students in them and the mentors assigned.
// Who may see what is decided here too: coordinators every group, mentors the active groups they are assigned to,
// students the active groups they are in.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { userRoles, users } from '../db/schema';
import type * as audit from '../audit';
import { isUuid } from '../ids';
import { members } from '../membership/schema';
import { studentPublicProfiles, type StudentPublicProfile } from '../mentoring';
import { ok, refuse, type Outcome } from '../outcome';
import { revokeJoinCodes } from './codes';
import { groupMembers, groupMentors, groups, type Group } from './schema';

export interface GroupInput {
	name: string;
	description: string | null;
}

export interface GroupSummary {
	id: string;
	name: string;
	description: string | null;
	archivedAt: Date | null;
	members: number;
	mentors: number;
}

export type GroupProblem = 'groups_error_not_found' | 'groups_error_archived';

const mentorCount = sql<number>`(select count(*)::int from group_mentors where group_mentors.group_id = ${groups.id})`.mapWith(Number);
const summaryColumns = {
	id: groups.id,
	name: groups.name,
	description: groups.description,
	archivedAt: groups.archivedAt,
	members: groups.memberCount,
	mentors: mentorCount
};

export async function createGroup(db: Database, actor: audit.Actor, input: GroupInput, now = new Date()): Promise<string> {
	const [created] = await db
		.insert(groups)
		.values({ name: input.name, description: input.description, createdBy: actor.id, createdAt: now, updatedAt: now })
		.returning({ id: groups.id });
	return created!.id;
}

export async function findGroup(db: Database, groupId: string): Promise<Group | null> {
	if (!isUuid(groupId)) return null;
	const [group] = await db.select().from(groups).where(eq(groups.id, groupId));
	return group ?? null;
}

export async function updateGroup(db: Database, groupId: string, input: GroupInput, now = new Date()): Promise<Outcome<'groups_error_not_found'>> {
	if (!isUuid(groupId)) return refuse('groups_error_not_found');
	const updated = await db
		.update(groups)
		.set({ name: input.name, description: input.description, updatedAt: now })
		.where(eq(groups.id, groupId))
		.returning({ id: groups.id });
	return updated.length ? ok : refuse('groups_error_not_found');
}

/** Archives (with its codes revoked) or restores a group. */
export async function setArchived(db: Database, groupId: string, archived: boolean, now = new Date()): Promise<Outcome<'groups_error_not_found'>> {
	if (!isUuid(groupId)) return refuse('groups_error_not_found');
	const updated = await db
		.update(groups)
		.set({ archivedAt: archived ? now : null, updatedAt: now })
		.where(eq(groups.id, groupId))
		.returning({ id: groups.id });
	if (!updated.length) return refuse('groups_error_not_found');
	if (archived) await revokeJoinCodes(db, groupId, now);
	return ok;
}

/** Every group, active ones first, for coordinators. */
export async function listAllGroups(db: Database): Promise<GroupSummary[]> {
	return db
		.select(summaryColumns)
		.from(groups)
		.orderBy(sql`${groups.archivedAt} is not null`, asc(groups.name), asc(groups.id));
}

/** The active groups a mentor is assigned to. */
export async function groupsOfMentor(db: Database, mentorId: string): Promise<GroupSummary[]> {
	return db
		.select(summaryColumns)
		.from(groupMentors)
		.innerJoin(groups, eq(groups.id, groupMentors.groupId))
		.where(and(eq(groupMentors.userId, mentorId), isNull(groups.archivedAt)))
		.orderBy(asc(groups.name), asc(groups.id));
}

export interface StudentGroup {
	id: string;
	name: string;
	description: string | null;
	joinedAt: Date;
	mentorNames: string[];
}

/** The active groups a student is in, with their mentors' names (what a student may know of a mentor). */
export async function groupsOfStudent(db: Database, studentId: string): Promise<StudentGroup[]> {
	const rows = await db
		.select({
			id: groups.id,
			name: groups.name,
			description: groups.description,
			joinedAt: groupMembers.joinedAt,
			mentorNames: sql<string[]>`coalesce((select array_agg(users.display_name order by users.display_name) from group_mentors
				join users on users.id = group_mentors.user_id where group_mentors.group_id = ${groups.id}), '{}')`
		})
		.from(groupMembers)
		.innerJoin(groups, eq(groups.id, groupMembers.groupId))
		.where(and(eq(groupMembers.userId, studentId), isNull(groups.archivedAt)))
		.orderBy(asc(groups.name));
	return rows.map((row) => ({ ...row, mentorNames: row.mentorNames ?? [] }));
}

/** A student leaves a group of their own. */
export async function leaveGroup(db: Database, studentId: string, groupId: string): Promise<Outcome<'groups_error_not_found'>> {
	if (!isUuid(groupId)) return refuse('groups_error_not_found');
	const removed = await db
		.delete(groupMembers)
		.where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, studentId)))
		.returning({ userId: groupMembers.userId });
	return removed.length ? ok : refuse('groups_error_not_found');
}

/** May this person see the group's progress page? Coordinators always; mentors while assigned to an active group. */
export async function canViewGroup(db: Database, viewer: { id: string; roles: readonly string[] }, group: Group): Promise<boolean> {
	if (viewer.roles.includes('coordinator')) return true;
	if (!viewer.roles.includes('mentor') || group.archivedAt) return false;
	const [assigned] = await db
		.select({ userId: groupMentors.userId })
		.from(groupMentors)
		.where(and(eq(groupMentors.groupId, group.id), eq(groupMentors.userId, viewer.id)));
	return Boolean(assigned);
}

export type AddStudentProblem = GroupProblem | 'groups_error_student_not_found' | 'groups_error_already_member';

/**
 * A coordinator adds a student by member number (KIB-2026-0001) or by the mail address of their account. Only
 * accounts holding the student role can be added.
 */
export async function addStudent(db: Database, actor: audit.Actor, groupId: string, who: string, now = new Date()): Promise<Outcome<AddStudentProblem>> {
	const group = await findGroup(db, groupId);
	if (!group) return refuse('groups_error_not_found');
	if (group.archivedAt) return refuse('groups_error_archived');
	const studentId = await findStudent(db, who.trim());
	if (!studentId) return refuse('groups_error_student_not_found');
	const inserted = await db
		.insert(groupMembers)
		.values({ groupId, userId: studentId, joinedAt: now, addedBy: actor.id })
		.onConflictDoNothing()
		.returning({ userId: groupMembers.userId });
	return inserted.length ? ok : refuse('groups_error_already_member');
}

async function findStudent(db: Database, who: string): Promise<string | null> {
	const byNumber = /^KIB-\d{4}-\d{4}$/i.test(who);
	const [found] = byNumber
		? await db
				.select({ id: members.userId })
				.from(members)
				.innerJoin(userRoles, and(eq(userRoles.userId, members.userId), eq(userRoles.role, 'student')))
				.where(eq(members.memberNumber, who.toUpperCase()))
		: await db
				.select({ id: users.id })
				.from(users)
				.innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'student')))
				.where(sql`lower(${users.email}) = lower(${who})`);
	return found?.id ?? null;
}

export async function removeStudent(db: Database, groupId: string, studentId: string): Promise<Outcome<'groups_error_not_found'>> {
	if (!isUuid(groupId) || !isUuid(studentId)) return refuse('groups_error_not_found');
	const removed = await db
		.delete(groupMembers)
		.where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, studentId)))
		.returning({ userId: groupMembers.userId });
	return removed.length ? ok : refuse('groups_error_not_found');
}

export type AssignProblem = GroupProblem | 'groups_error_mentor_not_found';

/** Assigns an active mentor (holding the mentor role) to the group. Assigning twice changes nothing. */
export async function assignMentor(db: Database, actor: audit.Actor, groupId: string, mentorId: string, now = new Date()): Promise<Outcome<AssignProblem>> {
	const group = await findGroup(db, groupId);
	if (!group) return refuse('groups_error_not_found');
	if (group.archivedAt) return refuse('groups_error_archived');
	if (!isUuid(mentorId)) return refuse('groups_error_mentor_not_found');
	const [mentor] = await db
		.select({ id: users.id })
		.from(users)
		.innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'mentor')))
		.where(and(eq(users.id, mentorId), isNull(users.disabledAt)));
	if (!mentor) return refuse('groups_error_mentor_not_found');
	await db.insert(groupMentors).values({ groupId, userId: mentorId, assignedAt: now, assignedBy: actor.id }).onConflictDoNothing();
	return ok;
}

export async function unassignMentor(db: Database, groupId: string, mentorId: string): Promise<Outcome<'groups_error_not_found'>> {
	if (!isUuid(groupId) || !isUuid(mentorId)) return refuse('groups_error_not_found');
	const removed = await db
		.delete(groupMentors)
		.where(and(eq(groupMentors.groupId, groupId), eq(groupMentors.userId, mentorId)))
		.returning({ userId: groupMentors.userId });
	return removed.length ? ok : refuse('groups_error_not_found');
}

export interface GroupMentor {
	userId: string;
	displayName: string;
}

export async function listGroupMentors(db: Database, groupId: string): Promise<GroupMentor[]> {
	if (!isUuid(groupId)) return [];
	return db
		.select({ userId: users.id, displayName: users.displayName })
		.from(groupMentors)
		.innerJoin(users, eq(users.id, groupMentors.userId))
		.where(eq(groupMentors.groupId, groupId))
		.orderBy(asc(users.displayName));
}

/** Members a page at a time, in the order they joined. */
export const membersPerPage = 50;

export interface GroupMemberRow {
	userId: string;
	joinedAt: Date;
	/** Added by a coordinator rather than joined with a code. */
	added: boolean;
	profile: StudentPublicProfile;
}

export interface MemberPage {
	total: number;
	page: number;
	pages: number;
	rows: GroupMemberRow[];
}

/** One page of the group's members with what a mentor may see of each (nickname and grade). */
export async function memberPage(db: Database, groupId: string, page: number): Promise<MemberPage> {
	const [counted] = await db.select({ total: groups.memberCount }).from(groups).where(eq(groups.id, groupId));
	const total = counted?.total ?? 0;
	const pages = Math.max(1, Math.ceil(total / membersPerPage));
	const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
	const rows = await db
		.select({ userId: groupMembers.userId, joinedAt: groupMembers.joinedAt, addedBy: groupMembers.addedBy })
		.from(groupMembers)
		.where(eq(groupMembers.groupId, groupId))
		.orderBy(desc(groupMembers.joinedAt), desc(groupMembers.userId))
		.limit(membersPerPage)
		.offset((current - 1) * membersPerPage);
	const profiles = await studentPublicProfiles(
		db,
		rows.map((row) => row.userId)
	);
	return {
		total,
		page: current,
		pages,
		rows: rows.map((row) => ({
			userId: row.userId,
			joinedAt: row.joinedAt,
			added: row.addedBy !== null,
			profile: profiles[row.userId] ?? { nickname: '', grade: null }
		}))
	};
}

/** Names of groups by id, for the audit log's sentences. */
export async function groupLabels(db: Database, groupIds: string[]): Promise<Record<string, { name: string }>> {
	const ids = [...new Set(groupIds.filter(isUuid))];
	if (ids.length === 0) return {};
	const rows = await db.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.id, ids));
	return Object.fromEntries(rows.map((row) => [row.id, { name: row.name }]));
}
