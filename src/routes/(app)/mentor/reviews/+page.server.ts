import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as reviews from '$lib/server/reviews';
import { failWith } from '$lib/server/forms';
import { languages } from '$lib/judge/languages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireRole(locals, 'mentor', url);
	const language = languages.find((id) => id === url.searchParams.get('language'));
	const exercise = /^[a-z0-9-]{1,100}$/.test(url.searchParams.get('exercise') ?? '') ? url.searchParams.get('exercise')! : undefined;
	const [queue, exercises, mine] = await Promise.all([
		reviews.listQueue(locals.db, { language, exerciseSlug: exercise }, locals.locale),
		reviews.queueExercises(locals.db, locals.locale),
		reviews.listMentorRequests(locals.db, user.id, locals.locale)
	]);
	return { queue, exercises, mine, filter: { language: language ?? '', exercise: exercise ?? '' } };
};

export const actions: Actions = {
	claim: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'mentor');
		const form = await request.formData();
		const requestId = String(form.get('requestId') ?? '');
		const outcome = await reviews.claimReview(locals.db, user.id, requestId);
		if (!outcome.ok) return failWith(form, outcome.problem, undefined, outcome.problem === 'review_error_not_found' ? 404 : 409);
		redirect(303, `/mentor/reviews/${requestId}`);
	}
};
