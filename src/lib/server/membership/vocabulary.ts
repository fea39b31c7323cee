// The fixed vocabularies of membership, as stored; people see them through messages (member_grade_jh1, ...).

export const grades = ['jh1', 'jh2', 'jh3', 'hs1', 'hs2', 'hs3', 'other'] as const;
export type Grade = (typeof grades)[number];

export const genders = ['female', 'male', 'other', 'unanswered'] as const;
export type Gender = (typeof genders)[number];

export const memberStatuses = ['active', 'paused', 'alumni', 'withdrawn'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

/** Still in the club: these are the people the school, grade and gender breakdowns describe. */
export const currentStatuses: readonly MemberStatus[] = ['active', 'paused'];

export const applicationStatuses = ['awaiting_consent', 'consent_declined', 'awaiting_review', 'approved', 'rejected', 'cancelled'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** The version of the privacy statement (messages privacy_*) shown to applicants and guardians; bump it when the text changes. */
export const privacyStatementVersion = '2026-11';

const gradeOrder: Record<Exclude<Grade, 'other'>, number> = { jh1: 1, jh2: 2, jh3: 3, hs1: 4, hs2: 5, hs3: 6 };
const gradeByOrder = Object.fromEntries(Object.entries(gradeOrder).map(([grade, order]) => [order, grade])) as Record<number, Grade>;

/** Today's grade of someone recorded in `grade` during school year `recordedYear`; 'graduated' once past 高3. */
export function currentGrade(grade: Grade, recordedYear: number, schoolYear: number): Grade | 'graduated' {
	if (grade === 'other') return 'other';
	const order = gradeOrder[grade] + Math.max(0, schoolYear - recordedYear);
	return order > 6 ? 'graduated' : (gradeByOrder[order] ?? 'other');
}
