// A student's progress: solved exercises per topic (catalog.ts), their streak and their latest submits.
// Days are Japan days (Asia/Tokyo): a submit at 23:30 and one at 00:10 the next night are two days in a row. The days
// come from submit_days, kept by the database whenever a submission is written (one short row per day with a submit).
import { and, desc, eq, sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';
import { submissions } from '../judge/schema';
import { exercises } from '../db/schema';

export interface Streak {
	/** Consecutive days with at least one submit, ending today or yesterday (today may still come). */
	current: number;
	longest: number;
	submittedToday: boolean;
}

export async function submitStreak(db: Database, userId: string, now: Date = new Date()): Promise<Streak> {
	const [row] = await selectRows<{ current: number; longest: number; submitted_today: boolean }>(
		db,
		sql`with days as (
				select day from submit_days where user_id = ${userId} and submits > 0
			),
			runs as (
				select max(day) as last_day, count(*)::int as length
				from (select day, day - (row_number() over (order by day))::int as run from days) as numbered
				group by run
			),
			today as (select (${now.toISOString()}::timestamptz at time zone 'Asia/Tokyo')::date as day)
			select
				coalesce((select length from runs where last_day >= (select day from today) - 1 order by last_day desc limit 1), 0) as current,
				coalesce((select max(length) from runs), 0) as longest,
				exists (select 1 from days where day = (select day from today)) as submitted_today`
	);
	return { current: Number(row?.current ?? 0), longest: Number(row?.longest ?? 0), submittedToday: Boolean(row?.submitted_today) };
}

export async function recentSubmits(db: Database, userId: string, limit = 5) {
	return db
		.select({
			id: submissions.id,
			slug: exercises.slug,
			titleJa: exercises.titleJa,
			titleEn: exercises.titleEn,
			language: submissions.language,
			status: submissions.status,
			verdict: submissions.verdict,
			createdAt: submissions.createdAt
		})
		.from(submissions)
		.innerJoin(exercises, eq(exercises.id, submissions.exerciseId))
		.where(and(eq(submissions.userId, userId), eq(submissions.mode, 'submit')))
		.orderBy(desc(submissions.createdAt))
		.limit(limit);
}
