import * as auth from '$lib/server/auth';
import * as contests from '$lib/server/contests';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireAnyRole(locals, ['student', 'mentor', 'coordinator'], url);
	const { current, past } = await contests.listContests(locals.db);
	// The list names each contest's problems by count only: their titles are for the contest's own page.
	const listed = ({ problems, ...contest }: contests.ContestView) => ({ ...contest, problemCount: problems.length });
	return { current: current.map(listed), past: past.map(listed) };
};
