// Entering a contest: a student registers for a fixed-window contest (before it starts or while it runs), or, in a
// personal-window contest, presses start, which starts their own window. Only for oneself, only once, never after
// the end.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { isUuid } from '../ids';
import { refuse, type Outcome } from '../outcome';
import type { Actor } from './contests';
import { contestState, entryWindow, type Window } from './rules';
import { contestEntries, contests } from './schema';

export type EntryProblem =
	'contests_error_students_only' | 'contests_error_not_found' | 'contests_error_cancelled' | 'contests_error_ended' | 'contests_error_not_started';

export interface Entry {
	startedAt: Date;
	window: Window;
}

export async function enterContest(db: Database, actor: Actor, contestId: string, now = new Date()): Promise<Outcome<EntryProblem, { entry: Entry }>> {
	if (!actor.roles.includes('student')) return refuse('contests_error_students_only');
	if (!isUuid(contestId)) return refuse('contests_error_not_found');
	return db.transaction(async (tx) => {
		const [contest] = await tx.select().from(contests).where(eq(contests.id, contestId)).for('share');
		if (!contest) return refuse('contests_error_not_found');
		const state = contestState(contest, now);
		if (state === 'cancelled') return refuse('contests_error_cancelled');
		if (state === 'ended') return refuse('contests_error_ended');
		// A personal window starts when it is opened, so it cannot be opened before the contest does.
		if (state === 'upcoming' && contest.windowMinutes !== null) return refuse('contests_error_not_started');
		await tx.insert(contestEntries).values({ contestId, userId: actor.id, startedAt: now }).onConflictDoNothing();
		const [entry] = await tx
			.select({ startedAt: contestEntries.startedAt })
			.from(contestEntries)
			.where(and(eq(contestEntries.contestId, contestId), eq(contestEntries.userId, actor.id)));
		return { ok: true as const, entry: { startedAt: entry!.startedAt, window: entryWindow(contest, entry!.startedAt) } };
	});
}

/** The person's entry in the contest, with its window; null when they have not entered. */
export async function findEntry(db: Database, contestId: string, userId: string): Promise<Entry | null> {
	if (!isUuid(contestId)) return null;
	const [row] = await db
		.select({ startedAt: contestEntries.startedAt, contest: contests })
		.from(contestEntries)
		.innerJoin(contests, eq(contests.id, contestEntries.contestId))
		.where(and(eq(contestEntries.contestId, contestId), eq(contestEntries.userId, userId)));
	return row ? { startedAt: row.startedAt, window: entryWindow(row.contest, row.startedAt) } : null;
}
