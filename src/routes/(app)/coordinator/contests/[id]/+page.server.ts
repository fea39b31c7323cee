import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as contests from '$lib/server/contests';
import { failWith, inSection, parseForm } from '$lib/server/forms';
import { contestForm } from '$lib/validation/contests';
import { formValuesOf } from '../form-values';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const contest = await contests.getContest(locals.db, params.id);
	if (!contest) error(404, 'not found');
	return { contest, values: formValuesOf(contest), choices: await contests.exerciseChoices(locals.db), created: url.searchParams.has('created') };
};

const statusOf = (problem: contests.ContestProblem) => (problem === 'contests_error_not_found' ? 404 : problem === 'contests_error_forbidden' ? 403 : 409);

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(contestForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'save');
		const outcome = await contests.updateContest(locals.db, user, params.id, parsed.data);
		if (!outcome.ok) return inSection(failWith(form, outcome.problem, undefined, statusOf(outcome.problem)), 'save');
		return { saved: true };
	},
	cancel: async ({ locals, params }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const outcome = await contests.cancelContest(locals.db, user, params.id);
		if (!outcome.ok) return inSection(failWith(new FormData(), outcome.problem, undefined, statusOf(outcome.problem)), 'cancel');
		return { cancelled: true };
	}
};
