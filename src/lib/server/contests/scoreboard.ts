// The live scoreboard: the same for everyone who looks, so each server computes it at most once per few seconds per
// contest and every request meanwhile shares that computation (../caching). It names people by nickname only.
// Note: a per-process cache; another server may show the scoreboard up to `scoreboardMaxAgeMs` behind.
import { createHash } from 'node:crypto';
import { computeShared } from '../caching';
import type { Database } from '../db';
import { isUuid } from '../ids';
import { getContest, type ContestView } from './contests';
import { contestState, type ContestState, type ProblemResult } from './rules';
import { computeStandings } from './scoring';

export const scoreboardMaxAgeMs = 5_000;
export const scoreboardPageSize = 100;

export interface ScoreboardRow {
	rank: number;
	/** null when the person has no nickname (the page shows a neutral name, never their account's name). */
	nickname: string | null;
	solved: number;
	penalties: number;
	timeSeconds: number;
	problems: ProblemResult[];
	mine: boolean;
}

export interface ScoreboardPage {
	/** The contest as of the computation, its state as of now; no description, and the problems by letter only. */
	contest: Omit<ContestView, 'description' | 'problems'> & { problemLetters: string[] };
	state: ContestState;
	rows: ScoreboardRow[];
	/** The viewer's own row wherever it is, when they entered. */
	mine: ScoreboardRow | null;
	entries: number;
	page: number;
	pages: number;
	computedAt: Date;
	/** Changes exactly when what this viewer is shown changes (not when it was merely computed again). */
	etag: string;
}

/** One page of the contest's scoreboard as `viewerId` sees it; null when there is no such contest. */
export async function scoreboardPage(
	db: Database,
	contestId: string,
	options: { viewerId: string; page?: number; now?: number }
): Promise<ScoreboardPage | null> {
	if (!isUuid(contestId)) return null;
	const { value, computedAt } = await computeShared(db, `contest-scoreboard:${contestId}`, { maxAgeMs: scoreboardMaxAgeMs, now: options.now }, async () => {
		const [contest, standings] = await Promise.all([getContest(db, contestId), computeStandings(db, contestId)]);
		return contest && standings ? { contest, standings } : null;
	});
	if (!value) return null;
	const { standings } = value;
	const { description: _description, problems, ...header } = value.contest;
	const contest = { ...header, state: contestState(header, new Date(options.now ?? Date.now())), problemLetters: problems.map((problem) => problem.letter) };
	const pages = Math.max(1, Math.ceil(standings.length / scoreboardPageSize));
	const wanted = options.page ?? 1;
	const page = Number.isInteger(wanted) && wanted >= 1 && wanted <= pages ? wanted : 1;
	const row = (standing: (typeof standings)[number]): ScoreboardRow => ({
		rank: standing.rank,
		nickname: standing.nickname,
		solved: standing.solved,
		penalties: standing.penalties,
		timeSeconds: standing.timeSeconds,
		problems: standing.problems,
		mine: standing.userId === options.viewerId
	});
	const own = standings.find((standing) => standing.userId === options.viewerId);
	const shown = {
		state: contest.state,
		rows: standings.slice((page - 1) * scoreboardPageSize, page * scoreboardPageSize).map(row),
		mine: own ? row(own) : null,
		entries: standings.length,
		page,
		pages
	};
	const etag = createHash('sha256').update(JSON.stringify(shown)).digest('base64url').slice(0, 22);
	return { contest, ...shown, computedAt, etag: `W/"${etag}"` };
}
