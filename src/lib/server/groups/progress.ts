// A group's progress page, for its mentors and for coordinators: per student (nickname and grade only) exercises
// solved, last activity and open requests for help; per exercise how many tried and solved and the latest verdicts
// most common among the members; and the help requests still open. Read from the progress rows the submission
// triggers keep (exercise_progress) and from review_requests, never from the submissions themselves. The figures per
// exercise read every member's progress, so they are computed once a minute per server and group and shared
// (caching/shared.ts); the page says when. Every view is written to the audit log.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { exercises } from '../db/schema';
import * as audit from '../audit';
import { computeShared } from '../caching';
import { exerciseProgress } from '../exercises/schema';
import type { SubmissionVerdict } from '../../judge/verdicts';
import { reviewRequests } from '../reviews/schema';
import { studentPublicProfiles } from '../mentoring';
import { canViewGroup, findGroup, listGroupMentors, memberPage, type GroupMemberRow, type GroupMentor, type MemberPage } from './groups';
import { groupMembers, type Group } from './schema';

export interface StudentProgress {
	solved: number;
	lastActivityAt: Date | null;
	openHelpRequests: number;
}

export interface ExerciseFigures {
	exerciseId: string;
	slug: string;
	titleJa: string;
	titleEn: string;
	/** Members who sent anything for it, runs included. */
	tried: number;
	solved: number;
	/** The latest verdict of each member who submitted, most common first (at most three). */
	verdicts: Array<{ verdict: SubmissionVerdict; students: number }>;
}

export interface OpenHelpRequest {
	studentId: string;
	nickname: string;
	exerciseSlug: string;
	exerciseTitleJa: string;
	exerciseTitleEn: string;
	waitingSince: Date;
	claimed: boolean;
}

export interface GroupProgress {
	group: Group;
	mentors: GroupMentor[];
	members: Omit<MemberPage, 'rows'> & { rows: Array<GroupMemberRow & { progress: StudentProgress }> };
	exercises: ExerciseFigures[];
	exercisesComputedAt: Date;
	helpRequests: OpenHelpRequest[];
}

/** Open help requests listed on the page, the longest waiting first. */
export const helpRequestsShown = 30;
const exerciseFiguresMaxAgeMs = 60_000;

/**
 * The progress page of a group, or null when there is no such group or the viewer may not see it (the same answer,
 * so a mentor outside the group learns nothing of it, not even that it exists). Records the view in the audit log.
 */
export async function viewGroupProgress(
	db: Database,
	viewer: { id: string; displayName: string; roles: readonly string[] },
	groupId: string,
	options: { page?: number; now?: number } = {}
): Promise<GroupProgress | null> {
	const group = await findGroup(db, groupId);
	if (!group || !(await canViewGroup(db, viewer, group))) return null;
	await audit.record(db, viewer, 'group_viewed', { detail: { groupId: group.id } });
	const [mentors, members, figures, helpRequests] = await Promise.all([
		listGroupMentors(db, group.id),
		memberPage(db, group.id, options.page ?? 1),
		computeShared(db, `group-exercises:${group.id}`, { maxAgeMs: exerciseFiguresMaxAgeMs, now: options.now }, () => exerciseFigures(db, group.id)),
		openHelpRequests(db, group.id)
	]);
	const progress = await studentProgress(
		db,
		members.rows.map((row) => row.userId)
	);
	return {
		group,
		mentors,
		members: {
			...members,
			rows: members.rows.map((row) => ({ ...row, progress: progress[row.userId] ?? { solved: 0, lastActivityAt: null, openHelpRequests: 0 } }))
		},
		exercises: figures.value,
		exercisesComputedAt: figures.computedAt,
		helpRequests
	};
}

/** Solved exercises, the latest submit and open help requests of each of a page of students. */
async function studentProgress(db: Database, userIds: string[]): Promise<Record<string, StudentProgress>> {
	if (userIds.length === 0) return {};
	const [solved, help] = await Promise.all([
		db
			.select({
				userId: exerciseProgress.userId,
				solved: sql<number>`count(${exerciseProgress.solvedAt})::int`.mapWith(Number),
				lastActivityAt: sql<Date | null>`max(${exerciseProgress.lastSubmittedAt})`.mapWith((value) => (value === null ? null : new Date(value)))
			})
			.from(exerciseProgress)
			.where(inArray(exerciseProgress.userId, userIds))
			.groupBy(exerciseProgress.userId),
		db
			.select({ userId: reviewRequests.studentId, open: sql<number>`count(*)::int`.mapWith(Number) })
			.from(reviewRequests)
			.where(and(inArray(reviewRequests.studentId, userIds), ne(reviewRequests.status, 'closed'), eq(reviewRequests.kind, 'help')))
			.groupBy(reviewRequests.studentId)
	]);
	const openHelp = new Map(help.map((row) => [row.userId, row.open]));
	return Object.fromEntries(
		userIds.map((userId) => {
			const row = solved.find((candidate) => candidate.userId === userId);
			return [userId, { solved: row?.solved ?? 0, lastActivityAt: row?.lastActivityAt ?? null, openHelpRequests: openHelp.get(userId) ?? 0 }];
		})
	);
}

async function exerciseFigures(db: Database, groupId: string): Promise<ExerciseFigures[]> {
	const rows = await db
		.select({
			exerciseId: exerciseProgress.exerciseId,
			verdict: exerciseProgress.lastVerdict,
			students: sql<number>`count(*)::int`.mapWith(Number),
			solved: sql<number>`count(${exerciseProgress.solvedAt})::int`.mapWith(Number)
		})
		.from(groupMembers)
		.innerJoin(exerciseProgress, eq(exerciseProgress.userId, groupMembers.userId))
		.where(eq(groupMembers.groupId, groupId))
		.groupBy(exerciseProgress.exerciseId, exerciseProgress.lastVerdict);
	const ids = [...new Set(rows.map((row) => row.exerciseId))];
	if (ids.length === 0) return [];
	const titles = await db
		.select({ id: exercises.id, slug: exercises.slug, titleJa: exercises.titleJa, titleEn: exercises.titleEn, sortOrder: exercises.sortOrder })
		.from(exercises)
		.where(inArray(exercises.id, ids));
	const figures = new Map<string, ExerciseFigures & { sortOrder: number | null }>();
	for (const title of titles) figures.set(title.id, { exerciseId: title.id, ...title, tried: 0, solved: 0, verdicts: [] });
	for (const row of rows) {
		const figure = figures.get(row.exerciseId);
		if (!figure) continue;
		figure.tried += row.students;
		figure.solved += row.solved;
		if (row.verdict) figure.verdicts.push({ verdict: row.verdict, students: row.students });
	}
	return [...figures.values()]
		.sort((a, b) => (a.sortOrder ?? Infinity) - (b.sortOrder ?? Infinity) || a.slug.localeCompare(b.slug))
		.map(({ sortOrder: _sortOrder, ...figure }) => ({
			...figure,
			verdicts: figure.verdicts.sort((a, b) => b.students - a.students || a.verdict.localeCompare(b.verdict)).slice(0, 3)
		}));
}

/** The group's members' help requests that are still open, the longest waiting first. */
async function openHelpRequests(db: Database, groupId: string): Promise<OpenHelpRequest[]> {
	const rows = await db
		.select({
			studentId: reviewRequests.studentId,
			exerciseSlug: exercises.slug,
			exerciseTitleJa: exercises.titleJa,
			exerciseTitleEn: exercises.titleEn,
			waitingSince: reviewRequests.waitingSince,
			status: reviewRequests.status
		})
		.from(groupMembers)
		.innerJoin(reviewRequests, and(eq(reviewRequests.studentId, groupMembers.userId), ne(reviewRequests.status, 'closed'), eq(reviewRequests.kind, 'help')))
		.innerJoin(exercises, eq(exercises.id, reviewRequests.exerciseId))
		.where(eq(groupMembers.groupId, groupId))
		.orderBy(reviewRequests.waitingSince)
		.limit(helpRequestsShown);
	const profiles = await studentPublicProfiles(db, [...new Set(rows.map((row) => row.studentId))]);
	return rows.map(({ status, ...row }) => ({ ...row, nickname: profiles[row.studentId]?.nickname ?? '', claimed: status !== 'waiting' }));
}
