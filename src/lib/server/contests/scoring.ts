// Each entry's results per problem, read from the submissions made inside the entry's window (the judge's own rows,
// judged like any other; what the person did outside the window does not count), ranked by the rules in ./rules.ts.
import { eq, sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';
import { rankStandings, type EntryResults, type ProblemResult, type Standing } from './rules';
import { contestExercises, contests } from './schema';

/** Verdicts that count as a wrong answer: the program ran and was wrong. CE never ran; IE is the judge's fault. */
export const wrongVerdicts = ['WA', 'TLE', 'MLE', 'RE', 'OLE'] as const;

/**
 * Results per entry and problem in two queries (entries; then their submits inside their windows, grouped), for one
 * person when `userId` is given. The submits are found through submissions (user_id, exercise_id, created_at).
 */
export async function entryResults(db: Database, contestId: string, userId?: string): Promise<EntryResults[]> {
	const onlyUser = userId ? sql`and entry.user_id = ${userId}` : sql``;
	const [entries, attempts, [{ problems } = { problems: 0 }]] = await Promise.all([
		selectRows<{ user_id: string; nickname: string | null; started_at: Date | string }>(
			db,
			sql`select entry.user_id, member.nickname, entry.started_at
				from contest_entries entry
				left join members member on member.user_id = entry.user_id and member.anonymised_at is null
				where entry.contest_id = ${contestId} ${onlyUser}`
		),
		selectRows<{ user_id: string; position: number; solved_after_seconds: number | null; wrong: number; pending: boolean }>(
			db,
			sql`with entry as (
					select entry.user_id,
						case when contest.window_minutes is null then contest.starts_at else entry.started_at end as window_start,
						case when contest.window_minutes is null then contest.ends_at
							else least(entry.started_at + contest.window_minutes * interval '1 minute', contest.ends_at) end as window_end
					from contest_entries entry
					join contests contest on contest.id = entry.contest_id
					where entry.contest_id = ${contestId} ${onlyUser}
				), attempt as (
					select entry.user_id, problem.position, entry.window_start, submission.created_at, submission.verdict, submission.status,
						min(submission.created_at) filter (where submission.verdict = 'AC')
							over (partition by entry.user_id, problem.position) as first_ac
					from entry
					join contest_exercises problem on problem.contest_id = ${contestId}
					-- One lookup per entry and problem in submissions_user_exercise_idx; "offset 0" keeps the planner from
					-- flattening it into a hash join that reads every submission of the problems (no index leads by exercise).
					cross join lateral (
						select submission.created_at, submission.verdict, submission.status
						from submissions submission
						where submission.user_id = entry.user_id and submission.exercise_id = problem.exercise_id and submission.mode = 'submit'
							and submission.created_at >= entry.window_start and submission.created_at < entry.window_end
						offset 0
					) submission
				)
				select user_id, position,
					floor(extract(epoch from first_ac - window_start))::int as solved_after_seconds,
					(count(*) filter (where verdict in ('WA', 'TLE', 'MLE', 'RE', 'OLE') and (first_ac is null or created_at < first_ac)))::int as wrong,
					coalesce(bool_or(status in ('queued', 'running') and (first_ac is null or created_at < first_ac)), false) as pending
				from attempt
				group by user_id, position, window_start, first_ac`
		),
		db
			.select({ problems: sql<number>`count(*)::int`.mapWith(Number) })
			.from(contestExercises)
			.where(eq(contestExercises.contestId, contestId))
	]);
	const byEntry = new Map<string, ProblemResult[]>();
	for (const entry of entries) {
		byEntry.set(
			entry.user_id,
			Array.from({ length: problems }, () => ({ solvedAfterSeconds: null, wrong: 0, pending: false }))
		);
	}
	for (const attempt of attempts) {
		const results = byEntry.get(attempt.user_id);
		if (!results || !results[attempt.position]) continue;
		results[attempt.position] = {
			solvedAfterSeconds: attempt.solved_after_seconds === null ? null : Number(attempt.solved_after_seconds),
			wrong: Number(attempt.wrong),
			pending: Boolean(attempt.pending)
		};
	}
	return entries.map((entry) => ({
		userId: entry.user_id,
		nickname: entry.nickname,
		startedAt: new Date(entry.started_at),
		problems: byEntry.get(entry.user_id)!
	}));
}

/** The contest's ranked standings, or null when there is no such contest. */
export async function computeStandings(db: Database, contestId: string): Promise<Standing[] | null> {
	const [contest] = await db.select({ beginner: contests.beginner, penaltyMinutes: contests.penaltyMinutes }).from(contests).where(eq(contests.id, contestId));
	if (!contest) return null;
	return rankStandings(await entryResults(db, contestId), contest);
}
