// The dashboard's numbers, each one SQL aggregate over indexed columns. The page and the KPI CSV both read these,
// so they always agree.
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';
import { schoolYearOf } from '../../japan-time';
import { currentGradeSql } from '../membership';
import { currentStatuses } from '../membership/vocabulary';
import type { MonthPoint } from './forecast';

/** Everyone ever approved or imported, by the month they joined, with the running total (alumni, withdrawn and anonymised members included). */
export async function membersByMonth(db: Database, today: string): Promise<MonthPoint[]> {
	const rows = await selectRows<{ month: string; joined: number; cumulative: number }>(
		db,
		sql`with monthly as (
				select date_trunc('month', joined_on)::date as month, count(*) as joined
				from members where joined_on <= ${today}::date
				group by 1
			), months as (
				select generate_series((select min(month) from monthly), date_trunc('month', ${today}::date)::date, interval '1 month')::date as month
			)
			select to_char(months.month, 'YYYY-MM') as month,
				coalesce(monthly.joined, 0)::int as joined,
				sum(coalesce(monthly.joined, 0)) over (order by months.month)::int as cumulative
			from months left join monthly using (month)
			order by months.month`
	);
	return rows.map((row) => ({ month: row.month, joined: Number(row.joined), cumulative: Number(row.cumulative) }));
}

export interface Count {
	key: string;
	count: number;
}

const inCurrentStatuses = sql.join(
	currentStatuses.map((status) => sql`${status}`),
	sql`, `
);

function counts(rows: Array<{ key: string | null; count: number }>): Count[] {
	return rows.map((row) => ({ key: row.key ?? 'unknown', count: Number(row.count) }));
}

/** Members by status, everyone ever (anonymised members are the withdrawn ones they became). */
export async function membersByStatus(db: Database): Promise<Count[]> {
	return counts(await selectRows(db, sql`select status as key, count(*)::int as count from members group by status`));
}

/** Members still in the club (active or paused) by school code ('other' lumps the schools typed in). */
export async function currentMembersBySchool(db: Database): Promise<Count[]> {
	return counts(
		await selectRows(
			db,
			sql`select school_code as key, count(*)::int as count from members
				where status in (${inCurrentStatuses}) group by school_code order by count(*) desc, school_code`
		)
	);
}

/** Members still in the club by today's grade (derived from the recorded grade and the school years since). */
export async function currentMembersByGrade(db: Database, today: string): Promise<Count[]> {
	return counts(
		await selectRows(
			db,
			sql`select ${currentGradeSql(schoolYearOf(today))} as key, count(*)::int as count from members
				where status in (${inCurrentStatuses}) group by 1`
		)
	);
}

export async function currentMembersByGender(db: Database): Promise<Count[]> {
	return counts(await selectRows(db, sql`select gender as key, count(*)::int as count from members where status in (${inCurrentStatuses}) group by gender`));
}

export async function countAnonymisedMembers(db: Database): Promise<number> {
	const [row] = await selectRows<{ count: number }>(db, sql`select count(*)::int as count from members where anonymised_at is not null`);
	return Number(row?.count ?? 0);
}

export async function countMentors(db: Database): Promise<number> {
	const [row] = await selectRows<{ count: number }>(
		db,
		sql`select count(*)::int as count from user_roles join users on users.id = user_roles.user_id
			where user_roles.role = 'mentor' and users.disabled_at is null`
	);
	return Number(row?.count ?? 0);
}

export interface WeekPoint {
	/** Monday of the week, 'YYYY-MM-DD' (Japan). */
	week: string;
	activeStudents: number;
	submissions: number;
}

/**
 * Students who ran or submitted code, and submissions, per week (Monday to Sunday, Japan time), for the last
 * `weeks` weeks. Reads the judge's `submissions` table; until that table exists every week shows zero.
 */
export async function activityByWeek(db: Database, today: string, weeks = 12): Promise<{ available: boolean; weeks: WeekPoint[] }> {
	const [probe] = await selectRows<{ exists: boolean }>(db, sql`select to_regclass('public.submissions') is not null as exists`);
	const available = Boolean(probe?.exists);
	const rows = await selectRows<{ week: string; active_students: number; submissions: number }>(
		db,
		available
			? sql`with span as (
					select date_trunc('week', ${today}::date)::date - ${(weeks - 1) * 7}::int as first_week
				), weeks as (
					select generate_series((select first_week from span), date_trunc('week', ${today}::date)::date, interval '7 days')::date as week
				), activity as (
					select date_trunc('week', submissions.created_at at time zone 'Asia/Tokyo')::date as week,
						count(distinct submissions.user_id) as active_students,
						count(*) filter (where submissions.mode = 'submit') as submissions
					from submissions
					where submissions.created_at >= ((select first_week from span)::timestamp at time zone 'Asia/Tokyo')
						and exists (select 1 from user_roles where user_roles.user_id = submissions.user_id and user_roles.role = 'student')
					group by 1
				)
				select to_char(weeks.week, 'YYYY-MM-DD') as week,
					coalesce(activity.active_students, 0)::int as active_students,
					coalesce(activity.submissions, 0)::int as submissions
				from weeks left join activity using (week) order by weeks.week`
			: sql`select to_char(week, 'YYYY-MM-DD') as week, 0 as active_students, 0 as submissions
				from generate_series(date_trunc('week', ${today}::date)::date - ${(weeks - 1) * 7}::int, date_trunc('week', ${today}::date)::date, interval '7 days') as week
				order by week`
	);
	return {
		available,
		weeks: rows.map((row) => ({ week: row.week, activeStudents: Number(row.active_students), submissions: Number(row.submissions) }))
	};
}
