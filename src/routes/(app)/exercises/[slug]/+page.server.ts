import { error, fail, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as contests from '$lib/server/contests';
import * as exercises from '$lib/server/exercises';
import * as reviews from '$lib/server/reviews';
import { translate } from '$lib/server/i18n';
import { acceptSubmission, submissionRequest } from '$lib/server/judge';
import type { Actions, PageServerLoad } from './$types';

const members = ['student', 'mentor', 'coordinator'] as const;

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { user } = auth.requireAnyRole(locals, members, url);
	const [workspace, hold] = await Promise.all([
		exercises.openWorkspace(locals.db, params.slug, {
			userId: user.id,
			includeUnpublished: user.roles.includes('coordinator'),
			locale: locals.locale
		}),
		contests.exerciseHold(locals.db, params.slug, user)
	]);
	if (!workspace || (hold.held && !hold.open)) error(404, 'not found');
	// During a contest the hints stay hidden: they come with the catalog once it ends.
	const contest = hold.held ? { ...hold.contest, windowEndsAt: hold.windowEndsAt } : null;
	if (contest) workspace.exercise.hints = [];
	const hintsShown = Math.max(0, Math.min(workspace.exercise.hints.length, Number(url.searchParams.get('hints')) || 0));
	const [samples, review, next] = await Promise.all([
		exercises.listSamples(locals.db, workspace.exercise.id),
		reviews.editorReview(locals.db, user.id, workspace.exercise.id),
		contest ? undefined : exercises.nextInCurriculum(locals.db, user.id, workspace.exercise.slug)
	]);
	return {
		workspace,
		samples,
		review,
		next,
		contest,
		renderedAt: new Date(),
		topics: workspace.exercise.topics.map((id) => ({ id, title: exercises.topicById(id).title })),
		hintsShown
	};
};

export const actions: Actions = {
	// Run or submit without JavaScript: the verdict is then shown on the attempt's own page.
	judge: async ({ params, request, locals }) => {
		const { user } = auth.requireAnyRole(locals, members);
		const hold = await contests.exerciseHold(locals.db, params.slug, user);
		if (hold.held && !hold.open) error(404, 'not found');
		const form = await request.formData();
		// 入力例で試す runs the samples; 実行 runs on the input box.
		const mode = form.get('mode');
		const parsed = submissionRequest.safeParse({
			exercise: params.slug,
			language: form.get('language'),
			source: form.get('source'),
			mode: mode === 'samples' ? 'run' : mode,
			stdin: mode === 'run' ? form.get('stdin') : undefined
		});
		if (!parsed.success) return fail(400, { message: translate('judge_error_invalid') });
		const { language, source } = parsed.data;
		await exercises.saveDraft(locals.db, { userId: user.id, includeUnpublished: user.roles.includes('coordinator') }, { slug: params.slug, language, source });
		const result = await acceptSubmission(locals.db, user, parsed.data);
		if (!result.ok) return fail(result.status, { message: translate(result.problem), language, source, stdin: parsed.data.stdin });
		// The attempt's page then says that it went to the mentor.
		if (parsed.data.mode === 'submit' && user.roles.includes('student'))
			await reviews.followUpSubmission(locals.db, user.id, result.id, { origin: locals.config.origin });
		redirect(303, `/exercises/${params.slug}/history/${result.id}`);
	}
};
