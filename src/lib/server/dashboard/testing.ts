// Test data for the funnel: applicants at each stage (an account, an application sent at a given instant, a member
// when approved), and the activity that keeps a member counted as active: submit days and session check-ins.
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';
import { createUser } from '../testing/factories';
import { nextMemberNumber } from '../membership/numbers';
import type { ApplicationStatus } from '../membership/vocabulary';

export interface Applicant {
	userId: string;
	applicationId: string;
	memberId: string | null;
}

/** An application as it stands today; approved ones come with their member (joined through the application). */
export async function insertApplicant(
	db: Database,
	options: { sentAt: string; status: ApplicationStatus; consentAt?: string; school?: string | null; schoolOther?: string; joinedOn?: string }
): Promise<Applicant> {
	const user = await createUser(db);
	const school = options.school === undefined ? 'k-kenroku' : options.school;
	const [application] = await selectRows<{ id: string }>(
		db,
		sql`insert into member_applications (user_id, status, nickname, full_name, school_code, school_other, grade, gender, guardian_name,
				guardian_email, statement_version, created_at, consent_decided_at, reviewed_at, rejection_reason)
			values (${user.id}, ${options.status}, 'ファネル', 'ファネル 太郎', ${school}, ${options.schoolOther ?? null}, 'jh1', 'unanswered', '保護者',
				${`guardian-${user.id}@example.jp`}, '2026-11', ${options.sentAt}::timestamptz, ${options.consentAt ?? null}::timestamptz,
				${options.status === 'approved' || options.status === 'rejected' ? options.consentAt : null}::timestamptz,
				${options.status === 'rejected' ? '定員のため' : null})
			returning id`
	);
	let memberId: string | null = null;
	if (options.status === 'approved') {
		const joinedOn = options.joinedOn ?? options.sentAt.slice(0, 10);
		const [member] = await selectRows<{ id: string }>(
			db,
			sql`insert into members (member_number, user_id, application_id, source, nickname, full_name, school_code, grade, grade_school_year,
					gender, joined_on, status, status_changed_on)
				values (${await nextMemberNumber(db, Number(joinedOn.slice(0, 4)))}, ${user.id}, ${application!.id}, 'application', 'ファネル',
					'ファネル 太郎', ${school}, 'jh1', ${Number(joinedOn.slice(0, 4))}, 'unanswered', ${joinedOn}::date, 'active', ${joinedOn}::date)
				returning id`
		);
		memberId = member!.id;
	}
	return { userId: user.id, applicationId: application!.id, memberId };
}

/** A Japan day with a submit (what the progress triggers keep for every submit). */
export async function recordSubmitDay(db: Database, userId: string, day: string): Promise<void> {
	await db.execute(sql`insert into submit_days (user_id, day, submits) values (${userId}, ${day}::date, 1)`);
}

/** A club session at `startsAt` that the person signed up for, and came to unless `checkedIn` is false. */
export async function recordSession(db: Database, userId: string, startsAt: string, options: { checkedIn?: boolean; role?: 'student' | 'mentor' } = {}) {
	const [session] = await selectRows<{ id: string }>(
		db,
		sql`insert into club_sessions (title, starts_at, ends_at, venue, capacity)
			values ('活動日', ${startsAt}::timestamptz, ${startsAt}::timestamptz + interval '3 hours', '金沢未来のまち創造館', 20) returning id`
	);
	await db.execute(sql`insert into session_participants (session_id, user_id, role, status, confirmed_at, checked_in_at)
		values (${session!.id}, ${userId}, ${options.role ?? 'student'}, 'confirmed', ${startsAt}::timestamptz,
			${options.checkedIn === false ? null : startsAt}::timestamptz)`);
}
