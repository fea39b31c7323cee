import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as contests from '$lib/server/contests';
import { failWith } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const members = ['student', 'mentor', 'coordinator'] as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { user } = auth.requireAnyRole(locals, members, url);
	const now = new Date();
	const coordinator = user.roles.includes('coordinator');
	const contest = await contests.getContest(locals.db, params.id, now);
	if (!contest || (contest.cancelled && !coordinator)) error(404, 'not found');
	const [entry, board] = await Promise.all([
		contests.findEntry(locals.db, contest.id, user.id),
		contests.scoreboardPage(locals.db, contest.id, { viewerId: user.id })
	]);
	const windowOpen = entry !== null && entry.window.start <= now && now < entry.window.end;
	// The problems are for the people in their window, coordinators, and everyone once the contest has ended.
	const problemsShown = coordinator || contest.state === 'ended' || windowOpen;
	const [mine] = entry ? contests.rankStandings(await contests.entryResults(locals.db, contest.id, user.id), contest) : [];
	const { problems, ...rest } = contest;
	return {
		contest: { ...rest, problemLetters: problems.map((problem) => problem.letter) },
		problems: problemsShown ? problems : [],
		entry,
		windowOpen,
		mine: mine
			? { solved: mine.solved, penalties: mine.penalties, timeSeconds: mine.timeSeconds, problems: mine.problems, rank: board?.mine?.rank ?? null }
			: null,
		entries: board?.entries ?? 0,
		canEnter: user.roles.includes('student') && !entry && (contest.state === 'running' || (contest.state === 'upcoming' && contest.windowMinutes === null)),
		renderedAt: now
	};
};

export const actions: Actions = {
	enter: async ({ locals, params }) => {
		const { user } = auth.requireRole(locals, 'student');
		const outcome = await contests.enterContest(locals.db, user, params.id);
		if (!outcome.ok) return failWith(new FormData(), outcome.problem, undefined, outcome.problem === 'contests_error_not_found' ? 404 : 409);
		redirect(303, `/contests/${params.id}`);
	}
};
