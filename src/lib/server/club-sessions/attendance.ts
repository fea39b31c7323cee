// Taking attendance: coordinators tick people off a check-in list (on screen or printed) and can export it as CSV.
// The list shows coordinators the member's name and number to recognise the student at the door; exporting it is
// audited like every export of personal data.
import { and, eq, inArray, isNull, ne, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import * as audit from '../audit';
import { writeCsv } from '../csv';
import { translate } from '../i18n';
import { japanDate, schoolYearOf } from '../../japan-time';
import { members } from '../membership/schema';
import { currentGrade, type Grade } from '../membership/vocabulary';
import { mentorOrganisations } from '../mentoring';
import { formatSessionTime } from '../../japan-time';
import { lockSession, getSession, type SessionProblem, type SessionSummary } from './sessions';
import { clubSessionParticipants, type ParticipantRole } from './schema';
import { ok, refuse, type Outcome } from '../outcome';

export interface CheckInRow {
	participantId: number;
	role: ParticipantRole;
	status: 'confirmed' | 'waitlisted';
	checkedIn: boolean;
	displayName: string;
	memberNumber: string | null;
	fullName: string | null;
	nickname: string | null;
	grade: Grade | 'graduated' | null;
	organisation: string | null;
}

const collator = new Intl.Collator('ja');

/** Students first (confirmed, then waitlisted in order), then mentors; everyone not cancelled. */
export async function checkInList(db: Database, sessionId: string, today = japanDate()): Promise<{ session: SessionSummary; rows: CheckInRow[] } | null> {
	const session = await getSession(db, sessionId);
	if (!session) return null;
	const rows = await db
		.select({
			participantId: clubSessionParticipants.id,
			userId: clubSessionParticipants.userId,
			role: clubSessionParticipants.role,
			status: clubSessionParticipants.status,
			checkedInAt: clubSessionParticipants.checkedInAt,
			displayName: users.displayName,
			memberNumber: members.memberNumber,
			fullName: members.fullName,
			nickname: members.nickname,
			grade: members.grade,
			gradeSchoolYear: members.gradeSchoolYear
		})
		.from(clubSessionParticipants)
		.innerJoin(users, eq(users.id, clubSessionParticipants.userId))
		.leftJoin(members, and(eq(members.userId, clubSessionParticipants.userId), sql`${clubSessionParticipants.role} = 'student'`))
		.where(and(eq(clubSessionParticipants.sessionId, sessionId), ne(clubSessionParticipants.status, 'cancelled')))
		.orderBy(clubSessionParticipants.queuedAt, clubSessionParticipants.id);
	const organisations = await mentorOrganisations(
		db,
		rows.filter((row) => row.role === 'mentor').map((row) => row.userId)
	);
	const schoolYear = schoolYearOf(today);
	const list: CheckInRow[] = rows.map((row) => ({
		participantId: row.participantId,
		role: row.role,
		status: row.status as 'confirmed' | 'waitlisted',
		checkedIn: row.checkedInAt !== null,
		displayName: row.displayName,
		memberNumber: row.memberNumber,
		fullName: row.fullName,
		nickname: row.nickname,
		grade: row.grade && row.gradeSchoolYear ? currentGrade(row.grade, row.gradeSchoolYear, schoolYear) : null,
		organisation: row.role === 'mentor' ? (organisations[row.userId] ?? null) : null
	}));
	const rank = (row: CheckInRow) => (row.role === 'student' ? (row.status === 'confirmed' ? 0 : 1) : 2);
	list.sort((a, b) => rank(a) - rank(b) || (rank(a) === 1 ? 0 : collator.compare(a.fullName ?? a.displayName, b.fullName ?? b.displayName)));
	return { session, rows: list };
}

/** Sets who came: the participants listed are checked in (keeping the time they first were), the others not. */
export async function recordAttendance(
	db: Database,
	actor: audit.Actor,
	sessionId: string,
	attendedParticipantIds: number[],
	now = new Date()
): Promise<Outcome<SessionProblem>> {
	return db.transaction(async (tx) => {
		const session = await lockSession(tx, sessionId);
		if (!session) return refuse('session_error_not_found');
		const ids = attendedParticipantIds.filter((id) => Number.isSafeInteger(id) && id > 0);
		const ofSession = and(eq(clubSessionParticipants.sessionId, sessionId), ne(clubSessionParticipants.status, 'cancelled'));
		if (ids.length) {
			await tx
				.update(clubSessionParticipants)
				.set({ checkedInAt: now, checkedInBy: actor.id })
				.where(and(ofSession, inArray(clubSessionParticipants.id, ids), isNull(clubSessionParticipants.checkedInAt)));
		}
		await tx
			.update(clubSessionParticipants)
			.set({ checkedInAt: null, checkedInBy: null })
			.where(and(ofSession, ids.length ? notInArray(clubSessionParticipants.id, ids) : undefined));
		return ok;
	});
}

/** The check-in list as CSV (in the downloader's language), audited. */
export async function exportAttendance(
	db: Database,
	actor: audit.Actor,
	sessionId: string,
	locale: string,
	now = new Date()
): Promise<{ csv: string; fileName: string } | null> {
	const list = await checkInList(db, sessionId, japanDate(now));
	if (!list) return null;
	const t = translate;
	const header = [
		t('session_csv_role'),
		t('session_csv_member_number'),
		t('session_csv_full_name'),
		t('session_csv_nickname'),
		t('session_csv_grade'),
		t('session_csv_organisation'),
		t('session_csv_status'),
		t('session_csv_attended')
	];
	const rows = list.rows.map((row) => [
		t(row.role === 'student' ? 'role_student' : 'role_mentor'),
		row.memberNumber,
		row.fullName ?? row.displayName,
		row.nickname,
		row.grade ? t(`member_grade_${row.grade}`) : null,
		row.organisation,
		t(`session_status_${row.status}`),
		row.checkedIn ? t('session_csv_yes') : t('session_csv_no')
	]);
	await audit.record(db, actor, 'attendance_exported', { detail: { sessionId, count: rows.length } });
	const title = [list.session.title, formatSessionTime(list.session.startsAt, list.session.endsAt, locale)];
	return {
		csv: writeCsv([title, header, ...rows]),
		fileName: `kanazawa-itbu-attendance-${japanDate(list.session.startsAt)}.csv`
	};
}
