import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as contests from '$lib/server/contests';
import { failWith, parseForm } from '$lib/server/forms';
import { contestForm } from '$lib/validation/contests';
import { newContestValues } from '../form-values';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	return { choices: await contests.exerciseChoices(locals.db), values: newContestValues() };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(contestForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await contests.createContest(locals.db, user, parsed.data);
		if (!outcome.ok) return failWith(form, outcome.problem, outcome.problem === 'contests_error_unknown_exercise' ? 'problem0' : undefined);
		redirect(303, `/coordinator/contests/${outcome.id}?created`);
	}
};
