import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as badges from '$lib/server/badges';
import * as reviews from '$lib/server/reviews';
import { failWith, inSection, parseForm } from '$lib/server/forms';
import { translate } from '$lib/server/i18n';
import { lineCommentForm, replyForm, reviewForm } from '$lib/validation/reviews';
import type { Actions, PageServerLoad } from './$types';

const statusOf = (problem: string) => (problem === 'review_error_not_found' ? 404 : 409);

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { user } = auth.requireRole(locals, 'mentor', url);
	const discussion = await reviews.openDiscussion(locals.db, params.id, { id: user.id, as: 'mentor', displayName: user.displayName }, locals.locale);
	// Another mentor's request is answered exactly like a missing one.
	if (!discussion) error(404, 'not found');
	const wanted = Number(url.searchParams.get('iteration'));
	const iteration = discussion.iterations.find((candidate) => candidate.number === wanted) ?? discussion.iterations.at(-1);
	if (!iteration) error(404, 'not found');
	const [savedComments, earlierReviews, studentBadges] = await Promise.all([
		discussion.can.review ? reviews.listSavedComments(locals.db, user.id, params.id) : [],
		discussion.can.review ? reviews.earlierReviewsOfExercise(locals.db, user.id, params.id) : [],
		// Only once the mentor may open the discussion: the badges sit next to the student's nickname and grade.
		badges.earnedBadgesOfReviewStudent(locals.db, params.id)
	]);
	return { discussion, iterationNumber: iteration.number, savedComments, earlierReviews, studentBadges };
};

export const actions: Actions = {
	claim: async ({ params, request, locals }) => {
		const { user } = auth.requireRole(locals, 'mentor');
		const form = await request.formData();
		const outcome = await reviews.claimReview(locals.db, user.id, params.id);
		if (!outcome.ok) return failWith(form, outcome.problem, undefined, statusOf(outcome.problem));
		return { claimed: true };
	},
	release: async ({ params, request, locals }) => {
		const { user } = auth.requireRole(locals, 'mentor');
		const form = await request.formData();
		if (!(await reviews.releaseClaim(locals.db, user.id, params.id))) return failWith(form, 'review_error_not_yours', undefined, 409);
		redirect(303, '/mentor/reviews');
	},
	lineComment: async ({ params, request, locals }) => {
		const { user } = auth.requireRole(locals, 'mentor');
		const form = await request.formData();
		const parsed = parseForm(lineCommentForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'line');
		const { save, ...comment } = parsed.data;
		const created = await reviews.addLineComment(locals.db, user.id, params.id, comment);
		if (!created.ok)
			return inSection(
				failWith(form, created.problem, created.problem === 'review_error_line_out_of_range' ? 'line' : undefined, statusOf(created.problem)),
				'line'
			);
		// A comment already in the set is kept once; the comment itself is posted either way.
		const saved = save ? await reviews.saveComment(locals.db, user.id, params.id, comment.body) : undefined;
		const notSaved = saved && !saved.ok && saved.problem !== 'review_saved_error_exists' ? translate(saved.problem) : undefined;
		return { section: 'line', commented: true, saved: Boolean(saved?.ok), notSaved };
	},
	deleteSaved: async ({ params, request, locals }) => {
		const { user } = auth.requireRole(locals, 'mentor');
		const form = await request.formData();
		const outcome = await reviews.deleteSavedComment(locals.db, user.id, params.id, Number(form.get('savedId')));
		if (!outcome.ok) return inSection(failWith(form, outcome.problem, undefined, statusOf(outcome.problem)), 'line');
		return { section: 'line', savedDeleted: true };
	},
	deleteDraft: async ({ params, request, locals }) => {
		const { user } = auth.requireRole(locals, 'mentor');
		const form = await request.formData();
		const outcome = await reviews.deleteDraftComment(locals.db, user.id, params.id, Number(form.get('commentId')) || 0);
		if (!outcome.ok) return inSection(failWith(form, outcome.problem, undefined, statusOf(outcome.problem)), 'line');
		return { section: 'line', deleted: true };
	},
	review: async ({ params, request, locals }) => {
		const { user } = auth.requireRole(locals, 'mentor');
		const form = await request.formData();
		const parsed = parseForm(reviewForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'review');
		const outcome = await reviews.postReview(locals.db, user.id, params.id, parsed.data, { origin: locals.config.origin });
		if (!outcome.ok) return inSection(failWith(form, outcome.problem, undefined, statusOf(outcome.problem)), 'review');
		return { section: 'review', posted: parsed.data.outcome };
	},
	reply: async ({ params, request, locals }) => {
		const { user } = auth.requireRole(locals, 'mentor');
		const form = await request.formData();
		const parsed = parseForm(replyForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'reply');
		const outcome = await reviews.reply(locals.db, { id: user.id, as: 'mentor' }, params.id, parsed.data.body, { origin: locals.config.origin });
		if (!outcome.ok)
			return inSection(
				failWith(form, outcome.problem, outcome.problem === 'review_error_rate_limited' ? 'body' : undefined, statusOf(outcome.problem)),
				'reply'
			);
		return { section: 'reply', replied: true };
	}
};
