// What mentors may know about a student: the nickname and today's grade. Never the real name, school, gender,
// guardian or any contact (Privacy of minors in DESIGN.md). Everything a mentor sees of a student comes from here.
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { japanDate, schoolYearOf } from '../../japan-time';
import { members } from '../membership/schema';
import { currentGrade, type Grade } from '../membership/vocabulary';

export interface StudentPublicProfile {
	nickname: string;
	grade: Grade | 'graduated' | null;
}

/**
 * Profiles by user id. A student without a membership record (or whose record was anonymised) is shown by the
 * display name they chose for the portal, which the sign-up form says need not be their real name.
 */
export async function studentPublicProfiles(db: Database, userIds: string[], today = japanDate()): Promise<Record<string, StudentPublicProfile>> {
	if (userIds.length === 0) return {};
	const rows = await db
		.select({
			userId: users.id,
			displayName: users.displayName,
			nickname: members.nickname,
			grade: members.grade,
			gradeSchoolYear: members.gradeSchoolYear
		})
		.from(users)
		.leftJoin(members, eq(members.userId, users.id))
		.where(inArray(users.id, userIds));
	return Object.fromEntries(
		rows.map((row) => [
			row.userId,
			{
				nickname: row.nickname ?? row.displayName,
				grade: row.grade && row.gradeSchoolYear ? currentGrade(row.grade, row.gradeSchoolYear, schoolYearOf(today)) : null
			}
		])
	);
}

export async function studentPublicProfile(db: Database, userId: string, today = japanDate()): Promise<StudentPublicProfile | null> {
	return (await studentPublicProfiles(db, [userId], today))[userId] ?? null;
}
