// Test data for the funnel: ref codes and their visits, trial bookings, applicants at each stage (an account, an
// application sent at a given instant, a member when approved), and the activity that keeps a member counted as
// active: submit days and session check-ins.
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';
import { createUser } from '../testing/factories';
import { nextMemberNumber } from '../membership/numbers';
import type { ApplicationStatus } from '../membership/vocabulary';
import type { Channel } from '../../referrals/channels';

export interface Applicant {
	userId: string;
	applicationId: string;
	memberId: string | null;
}

/** An application as it stands today; approved ones come with their member (joined through the application). */
export async function insertApplicant(
	db: Database,
	options: {
		sentAt: string;
		status: ApplicationStatus;
		consentAt?: string;
		school?: string | null;
		schoolOther?: string;
		joinedOn?: string;
		channel?: Channel;
		codeId?: string;
		bookingId?: string;
	}
): Promise<Applicant> {
	const user = await createUser(db);
	const school = options.school === undefined ? 'k-kenroku' : options.school;
	const [application] = await selectRows<{ id: string }>(
		db,
		sql`insert into member_applications (user_id, status, nickname, full_name, school_code, school_other, grade, gender, guardian_name,
				guardian_email, statement_version, created_at, consent_decided_at, reviewed_at, rejection_reason, channel, ref_code_id, trial_booking_id)
			values (${user.id}, ${options.status}, 'ファネル', 'ファネル 太郎', ${school}, ${options.schoolOther ?? null}, 'jh1', 'unanswered', '保護者',
				${`guardian-${user.id}@example.jp`}, '2026-11', ${options.sentAt}::timestamptz, ${options.consentAt ?? null}::timestamptz,
				${options.status === 'approved' || options.status === 'rejected' ? options.consentAt : null}::timestamptz,
				${options.status === 'rejected' ? '定員のため' : null}, ${options.channel ?? null}, ${options.codeId ?? null}, ${options.bookingId ?? null})
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

export async function insertReferralCode(db: Database, options: { code: string; name: string; channel: Channel }): Promise<string> {
	const [row] = await selectRows<{ id: string }>(
		db,
		sql`insert into referral_codes (code, name, channel) values (${options.code}, ${options.name}, ${options.channel}) returning id`
	);
	return row!.id;
}

export async function recordVisits(db: Database, codeId: string, day: string, visits: number): Promise<void> {
	await db.execute(sql`insert into referral_visits (code_id, day, visits) values (${codeId}, ${day}::date, ${visits})`);
}

/** A trial booking made at `createdAt` for a trial session a week later; `school: null` as after its erasure. */
export async function insertBooking(
	db: Database,
	options: { createdAt: string; channel?: Channel; codeId?: string; school?: string | null; attended?: boolean; status?: 'booked' | 'waitlisted' | 'cancelled' }
): Promise<string> {
	const [session] = await selectRows<{ id: string }>(
		db,
		sql`insert into club_sessions (title, starts_at, ends_at, venue, capacity, kind)
			values ('体験会', ${options.createdAt}::timestamptz + interval '7 days', ${options.createdAt}::timestamptz + interval '7 days 3 hours',
				'金沢未来のまち創造館', 20, 'trial') returning id`
	);
	const erased = options.school === null;
	const [booking] = await selectRows<{ id: string }>(
		db,
		sql`insert into trial_bookings (session_id, status, nickname, grade, school_code, guardian_email, channel, ref_code_id, token_hash,
				queued_at, created_at, attended_at, personal_data_erased_at)
			values (${session!.id}, ${options.status ?? 'booked'}, ${erased ? null : 'たいけん'}, 'jh1', ${options.school === undefined ? 'k-kenroku' : options.school},
				${erased ? null : 'guardian@example.jp'}, ${options.channel ?? null}, ${options.codeId ?? null}, decode(md5(random()::text), 'hex'),
				${options.createdAt}::timestamptz, ${options.createdAt}::timestamptz,
				${options.attended ? sql`${options.createdAt}::timestamptz + interval '7 days'` : null},
				${erased ? sql`${options.createdAt}::timestamptz + interval '60 days'` : null})
			returning id`
	);
	return booking!.id;
}
