// The way into the club in numbers, read from the database as small grouped tables: visits of ref-code links, trial
// bookings and who came, applications and what became of them (guardian consent, approval, still active 3 and 6 months
// after joining), and the monthly cohorts' retention. Each table is grouped by month and by every split the funnel page
// and its CSV show (channel, school, ref code), so that one reading serves every view (funnel-report.ts adds them up).
//
// Active in a month = attended a club session (checked in) or submitted a program that month (Japan time). Months are
// Japan months. An application is counted in the month it was sent, and its consent, approval and retention with it; a
// trial booking in the month it was made, and its attendance with it.
import { sql, type SQL } from 'drizzle-orm';
import { selectRows, type Database } from '../db';

/** The retention checkpoints, in months after the join month. */
export const retentionOffsets = [1, 3, 6] as const;

/**
 * Whether the account `userId` was active in the Japan month that starts on `monthStart` (a date). Both are SQL of the
 * outer query: qualify them with its table's name, or `user_id` would name the inner tables' own column.
 */
function activeInMonth(userId: SQL, monthStart: SQL): SQL {
	const from = sql`(${monthStart})::date`;
	const until = sql`((${monthStart}) + interval '1 month')::date`;
	return sql`(exists (select 1 from submit_days
			where submit_days.user_id = ${userId} and submit_days.day >= ${from} and submit_days.day < ${until} and submit_days.submits > 0)
		or exists (select 1 from session_participants
			where session_participants.user_id = ${userId} and session_participants.role = 'student'
				and session_participants.checked_in_at >= (${from}::timestamp at time zone 'Asia/Tokyo')
				and session_participants.checked_in_at < (${until}::timestamp at time zone 'Asia/Tokyo')))`;
}

const monthAfter = (month: SQL, offset: number) => sql`(${month} + ${`${offset} months`}::interval)`;

export interface ApplicationGroup {
	month: string;
	/** A channel id, or 'unknown' when the applicant named none. */
	channel: string;
	/** A school code, 'other', or 'unknown' (not given, or erased on the person's request). */
	school: string;
	codeId: string | null;
	/** Sent after a trial booking (the booking's link led to it). */
	fromTrial: boolean;
	applications: number;
	/** Still waiting for the guardian or for a coordinator. */
	open: number;
	consented: number;
	approved: number;
	/** Approved members active in the 3rd (6th) month after the month they joined. */
	active3: number;
	/** Approved members whose 3rd (6th) month after joining has not ended yet: not counted either way. */
	awaiting3: number;
	active6: number;
	awaiting6: number;
}

export interface BookingGroup {
	month: string;
	channel: string;
	school: string;
	codeId: string | null;
	bookings: number;
	attended: number;
	/** Attended, and an application followed from the booking's link. */
	attendedApplied: number;
	/** An approved application followed from the booking. */
	approved: number;
}

export interface VisitGroup {
	month: string;
	channel: string;
	codeId: string;
	visits: number;
}

export interface ReferralCode {
	id: string;
	code: string;
	name: string;
	channel: string;
}

export interface CohortRow {
	/** The join month. */
	month: string;
	members: number;
	/** Active in the month `offset` months after the join month (counted whether or not that month has ended). */
	active: Record<(typeof retentionOffsets)[number], number>;
}

export interface FunnelData {
	applications: ApplicationGroup[];
	bookings: BookingGroup[];
	visits: VisitGroup[];
	codes: ReferralCode[];
	cohorts: CohortRow[];
}

const count = (value: unknown) => Number(value ?? 0);

/** Everything the funnel page and its CSV show, as of `today` ('YYYY-MM-DD', Japan). */
export async function readFunnel(db: Database, today: string): Promise<FunnelData> {
	const [applications, bookings, visits, codes, cohorts] = await Promise.all([
		applicationGroups(db, today),
		bookingGroups(db, today),
		visitGroups(db, today),
		referralCodes(db),
		retentionCohorts(db, today)
	]);
	return { applications, bookings, visits, codes, cohorts };
}

async function applicationGroups(db: Database, today: string): Promise<ApplicationGroup[]> {
	const currentMonth = sql`date_trunc('month', ${today}::date)::date`;
	const retention = [3, 6].map(
		(offset) => sql`count(*) filter (where sent.status = 'approved' and ${monthAfter(sql`sent.join_month`, offset + 1)} <= ${currentMonth}
				and ${activeInMonth(sql`sent.user_id`, monthAfter(sql`sent.join_month`, offset))})::int as ${sql.raw(`active${offset}`)},
			count(*) filter (where sent.status = 'approved' and ${monthAfter(sql`sent.join_month`, offset + 1)} > ${currentMonth})::int as ${sql.raw(`awaiting${offset}`)}`
	);
	const rows = await selectRows<Record<string, unknown>>(
		db,
		sql`with sent as (
				select to_char(applications.created_at at time zone 'Asia/Tokyo', 'YYYY-MM') as month, applications.status,
					applications.consent_decided_at, coalesce(applications.school_code, 'unknown') as school,
					coalesce(applications.channel, codes.channel, 'unknown') as channel, applications.ref_code_id as code_id,
					applications.trial_booking_id is not null as from_trial,
					members.user_id, date_trunc('month', members.joined_on)::date as join_month
				from member_applications as applications
				left join members on members.application_id = applications.id and members.source = 'application'
				left join referral_codes as codes on codes.id = applications.ref_code_id
				where applications.created_at < ((${today}::date + 1)::timestamp at time zone 'Asia/Tokyo')
			)
			select month, channel, school, code_id, from_trial,
				count(*)::int as applications,
				count(*) filter (where status in ('awaiting_consent', 'awaiting_review'))::int as open,
				count(*) filter (where consent_decided_at is not null and status <> 'consent_declined')::int as consented,
				count(*) filter (where status = 'approved')::int as approved,
				${sql.join(retention, sql`, `)}
			from sent
			group by month, channel, school, code_id, from_trial
			order by month`
	);
	return rows.map((row) => ({
		month: String(row.month),
		channel: String(row.channel),
		school: String(row.school),
		codeId: (row.code_id as string | null) ?? null,
		fromTrial: row.from_trial === true || row.from_trial === 't',
		applications: count(row.applications),
		open: count(row.open),
		consented: count(row.consented),
		approved: count(row.approved),
		active3: count(row.active3),
		awaiting3: count(row.awaiting3),
		active6: count(row.active6),
		awaiting6: count(row.awaiting6)
	}));
}

async function bookingGroups(db: Database, today: string): Promise<BookingGroup[]> {
	const rows = await selectRows<Record<string, unknown>>(
		db,
		sql`select to_char(bookings.created_at at time zone 'Asia/Tokyo', 'YYYY-MM') as month,
				coalesce(bookings.channel, codes.channel, 'unknown') as channel, coalesce(bookings.school_code, 'unknown') as school,
				bookings.ref_code_id as code_id,
				count(*)::int as bookings,
				count(bookings.attended_at)::int as attended,
				count(*) filter (where bookings.attended_at is not null
					and exists (select 1 from member_applications as applied where applied.trial_booking_id = bookings.id))::int as attended_applied,
				count(*) filter (where exists (select 1 from member_applications as applied
					where applied.trial_booking_id = bookings.id and applied.status = 'approved'))::int as approved
			from trial_bookings as bookings
			left join referral_codes as codes on codes.id = bookings.ref_code_id
			where bookings.created_at < ((${today}::date + 1)::timestamp at time zone 'Asia/Tokyo')
			group by 1, 2, 3, 4
			order by 1`
	);
	return rows.map((row) => ({
		month: String(row.month),
		channel: String(row.channel),
		school: String(row.school),
		codeId: (row.code_id as string | null) ?? null,
		bookings: count(row.bookings),
		attended: count(row.attended),
		attendedApplied: count(row.attended_applied),
		approved: count(row.approved)
	}));
}

async function visitGroups(db: Database, today: string): Promise<VisitGroup[]> {
	const rows = await selectRows<Record<string, unknown>>(
		db,
		sql`select to_char(visits.day, 'YYYY-MM') as month, codes.channel, visits.code_id, sum(visits.visits)::int as visits
			from referral_visits as visits join referral_codes as codes on codes.id = visits.code_id
			where visits.day <= ${today}::date
			group by 1, 2, 3
			order by 1`
	);
	return rows.map((row) => ({ month: String(row.month), channel: String(row.channel), codeId: String(row.code_id), visits: count(row.visits) }));
}

async function referralCodes(db: Database): Promise<ReferralCode[]> {
	return (
		await selectRows<{ id: string; code: string; name: string; channel: string }>(db, sql`select id, code, name, channel from referral_codes order by code`)
	).map((row) => ({ id: row.id, code: row.code, name: row.name, channel: row.channel }));
}

/**
 * Members who joined through an application, by join month, and how many of them were active 1, 3 and 6 months
 * later. Members whose data was erased on their request stay in their cohort (they still count) but can no longer be
 * seen active.
 */
async function retentionCohorts(db: Database, today: string): Promise<CohortRow[]> {
	const rows = await selectRows<Record<string, unknown>>(
		db,
		sql`select to_char(join_month, 'YYYY-MM') as month, count(*)::int as members,
				${sql.join(
					retentionOffsets.map(
						(offset) =>
							sql`count(*) filter (where ${activeInMonth(sql`joined.user_id`, monthAfter(sql`joined.join_month`, offset))})::int as ${sql.raw(`active${offset}`)}`
					),
					sql`, `
				)}
			from (
				select members.user_id, date_trunc('month', members.joined_on)::date as join_month
				from members where members.source = 'application' and members.joined_on <= ${today}::date
			) as joined
			group by join_month
			order by join_month`
	);
	return rows.map((row) => ({
		month: String(row.month),
		members: count(row.members),
		active: Object.fromEntries(retentionOffsets.map((offset) => [offset, count(row[`active${offset}`])])) as CohortRow['active']
	}));
}
