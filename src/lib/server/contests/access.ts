// Whether a person may open an exercise that a contest holds back. The problems of a contest that has not ended are
// for its coordinators and for the people whose window is open right now (without hints: those come with the
// catalog once the contest ends); for everyone else they do not exist yet. A cancelled contest holds nothing back.
// The catalog's own filter for the same rule is in ../exercises/catalog.ts.
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';
import type { Actor } from './contests';
import { entryWindow, isInside } from './rules';

export type ExerciseHold =
	{ held: false } | { held: true; open: false } | { held: true; open: true; contest: { id: string; title: string }; windowEndsAt: Date };

export async function exerciseHold(db: Database, slug: string, viewer: Actor, now = new Date()): Promise<ExerciseHold> {
	const rows = await selectRows<{
		id: string;
		title: string;
		starts_at: Date | string;
		ends_at: Date | string;
		window_minutes: number | null;
		started_at: Date | string | null;
	}>(
		db,
		sql`select contest.id, contest.title, contest.starts_at, contest.ends_at, contest.window_minutes, entry.started_at
			from exercises exercise
			join contest_exercises problem on problem.exercise_id = exercise.id
			join contests contest on contest.id = problem.contest_id
			left join contest_entries entry on entry.contest_id = contest.id and entry.user_id = ${viewer.id}
			where exercise.slug = ${slug} and contest.cancelled_at is null and contest.ends_at > ${now.toISOString()}::timestamptz`
	);
	if (rows.length === 0 || viewer.roles.includes('coordinator')) return { held: false };
	for (const row of rows) {
		if (row.started_at === null) continue;
		const contest = {
			startsAt: new Date(row.starts_at),
			endsAt: new Date(row.ends_at),
			windowMinutes: row.window_minutes === null ? null : Number(row.window_minutes)
		};
		const window = entryWindow(contest, new Date(row.started_at));
		if (isInside(window, now)) return { held: true, open: true, contest: { id: row.id, title: row.title }, windowEndsAt: window.end };
	}
	return { held: true, open: false };
}
