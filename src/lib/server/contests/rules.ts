// The rules of a contest that need no database: its state at an instant, each entry's window, and the ranking.
//
// Scoring (shown on the contest's page): more problems solved ranks higher; between equal counts, less time ranks
// higher. The time is that of the last first-AC, counted from the start of the person's window (AtCoder's rule,
// which JOI's 一次予選 practice also suits), plus, outside beginner mode, `penaltyMinutes` per wrong answer (WA, TLE,
// MLE, RE, OLE; not CE, which the judge's fault IE is not either) made before a problem's first AC, on solved
// problems only. Beginner mode counts no penalty at all. Equal counts and times share a rank (1, 2, 2, 4) and are
// listed in the order the people entered, so a refreshed scoreboard never shuffles them.

export type ContestState = 'upcoming' | 'running' | 'ended' | 'cancelled';

export interface ContestTimes {
	startsAt: Date;
	endsAt: Date;
	/** null: the contest's own window for everyone. */
	windowMinutes: number | null;
	cancelledAt?: Date | null;
	cancelled?: boolean;
}

export function contestState(contest: ContestTimes, now: Date): ContestState {
	if (contest.cancelledAt || contest.cancelled) return 'cancelled';
	if (now < contest.startsAt) return 'upcoming';
	return now < contest.endsAt ? 'running' : 'ended';
}

export interface Window {
	start: Date;
	end: Date;
}

/**
 * When an entry's submissions count: the contest's own times, or `windowMinutes` from the moment the person pressed
 * start, cut at the contest's end (starting late leaves less time, as in an exam room that closes).
 */
export function entryWindow(contest: ContestTimes, startedAt: Date): Window {
	if (contest.windowMinutes === null) return { start: contest.startsAt, end: contest.endsAt };
	const end = new Date(Math.min(startedAt.getTime() + contest.windowMinutes * 60_000, contest.endsAt.getTime()));
	return { start: startedAt, end };
}

export const isInside = (window: Window, at: Date) => window.start <= at && at < window.end;

export interface ProblemResult {
	/** Seconds from the window's start to the first AC; null while unsolved. */
	solvedAfterSeconds: number | null;
	/** Wrong answers before the first AC (all of them while unsolved). */
	wrong: number;
	/** A submit before the first AC still waits for its verdict. */
	pending: boolean;
}

export interface EntryResults {
	userId: string;
	nickname: string | null;
	startedAt: Date;
	/** By the problem's position (A, B, C …). */
	problems: ProblemResult[];
}

export interface Standing extends EntryResults {
	rank: number;
	solved: number;
	/** Wrong answers that cost time (on solved problems; none counted in beginner mode). */
	penalties: number;
	/** The last first-AC plus penalties, in seconds; 0 with nothing solved. */
	timeSeconds: number;
}

export interface ScoringRules {
	beginner: boolean;
	penaltyMinutes: number;
}

export function rankStandings(entries: EntryResults[], rules: ScoringRules): Standing[] {
	const scored = entries.map((entry) => {
		const solvedProblems = entry.problems.filter((problem) => problem.solvedAfterSeconds !== null);
		const penalties = rules.beginner ? 0 : solvedProblems.reduce((sum, problem) => sum + problem.wrong, 0);
		const lastSolved = Math.max(0, ...solvedProblems.map((problem) => problem.solvedAfterSeconds!));
		return { ...entry, rank: 0, solved: solvedProblems.length, penalties, timeSeconds: lastSolved + penalties * rules.penaltyMinutes * 60 };
	});
	scored.sort(
		(a, b) =>
			b.solved - a.solved ||
			a.timeSeconds - b.timeSeconds ||
			a.startedAt.getTime() - b.startedAt.getTime() ||
			(a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)
	);
	scored.forEach((standing, index) => {
		const previous = scored[index - 1];
		standing.rank = previous && previous.solved === standing.solved && previous.timeSeconds === standing.timeSeconds ? previous.rank : index + 1;
	});
	return scored;
}
