import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as exercises from '$lib/server/exercises';
import * as reviews from '$lib/server/reviews';
import { failWith, parseForm } from '$lib/server/forms';
import { replyForm } from '$lib/validation/reviews';
import type { Actions, PageServerLoad } from './$types';

// The student's own discussion; coordinators may read any (audited), without writing in it.
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { user } = auth.requireAnyRole(locals, ['student', 'coordinator'], url);
	const viewer = { id: user.id, displayName: user.displayName };
	const own = user.roles.includes('student') ? await reviews.openDiscussion(locals.db, params.id, { ...viewer, as: 'student' }, locals.locale) : undefined;
	const discussion =
		own ??
		(user.roles.includes('coordinator') ? await reviews.openDiscussion(locals.db, params.id, { ...viewer, as: 'coordinator' }, locals.locale) : undefined);
	if (!discussion) error(404, 'not found');
	const sent = Number(url.searchParams.get('sent')) || null;
	// Passed: the student is offered the next exercise in the curriculum.
	const next = own?.closedReason === 'approved' ? await exercises.nextInCurriculum(locals.db, user.id, own.exercise.slug) : undefined;
	return { discussion, sent, next: next ?? null };
};

export const actions: Actions = {
	reply: async ({ params, request, locals }) => {
		const { user } = auth.requireRole(locals, 'student');
		const form = await request.formData();
		const parsed = parseForm(replyForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await reviews.reply(locals.db, { id: user.id, as: 'student' }, params.id, parsed.data.body, { origin: locals.config.origin });
		if (!outcome.ok)
			return failWith(
				form,
				outcome.problem,
				outcome.problem === 'review_error_rate_limited' ? 'body' : undefined,
				outcome.problem === 'review_error_not_found' ? 404 : 409
			);
		return { replied: true };
	},
	close: async ({ params, request, locals }) => {
		const { user } = auth.requireRole(locals, 'student');
		const form = await request.formData();
		const outcome = await reviews.closeRequest(locals.db, user.id, params.id);
		if (!outcome.ok) return failWith(form, outcome.problem, undefined, outcome.problem === 'review_error_not_found' ? 404 : 409);
		redirect(303, `/reviews/${params.id}`);
	}
};
