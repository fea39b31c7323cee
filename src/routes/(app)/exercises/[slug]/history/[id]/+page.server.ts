import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as exercises from '$lib/server/exercises';
import * as reviews from '$lib/server/reviews';
import { failWith, parseForm } from '$lib/server/forms';
import { viewSubmission } from '$lib/server/judge';
import { reviewRequestForm } from '$lib/validation/reviews';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { user } = auth.requireUser(locals, url);
	const attempt = await exercises.findAttempt(locals.db, user, params.slug, params.id);
	// Someone else's attempt is answered exactly like a missing one.
	if (!attempt) error(404, 'not found');
	const result = await viewSubmission(locals.db, params.id, user);
	if (!result) error(404, 'not found');
	const review = user.roles.includes('student') && attempt.mode === 'submit' ? await reviews.reviewStateOfSubmission(locals.db, user.id, params.id) : undefined;
	return { attempt, result, review: review ?? null };
};

export const actions: Actions = {
	requestReview: async ({ params, request, locals }) => {
		const { user } = auth.requireRole(locals, 'student');
		const form = await request.formData();
		const parsed = parseForm(reviewRequestForm, form);
		if (!parsed.ok) return parsed.failure;
		const created = await reviews.requestReview(locals.db, user.id, { submissionId: params.id, ...parsed.data }, { origin: locals.config.origin });
		if (!created.ok)
			return failWith(
				form,
				created.problem,
				created.problem === 'review_error_too_many' || created.problem === 'review_error_already_sent' ? undefined : 'question',
				409
			);
		redirect(303, `/reviews/${created.id}?sent=${created.iteration}`);
	}
};
