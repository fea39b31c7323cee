import { error, fail } from '@sveltejs/kit';
import * as exercises from '$lib/server/exercises';
import { failWith, parseForm } from '$lib/server/forms';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { user } = await exercises.requireAuthor(locals, url);
	const stored = await exercises.loadStoredExercise(locals.db, params.slug);
	if (!stored) error(404, 'not found');
	const { row, content } = stored;
	return {
		exercise: {
			slug: row.slug,
			title: content.title,
			published: row.published,
			source: row.source,
			editedInUi: row.editedInUiAt !== null
		},
		values: exercises.formValues(content),
		problems: exercises.publishingProblems(content).map((problem) => translate(problem.key, problem.params)),
		verifications: await exercises.verificationStatus(locals.db, row.id),
		canOpenAsStudent: row.published || user.roles.includes('coordinator'),
		created: url.searchParams.has('created'),
		topics: exercises.topics.map(({ id, title }) => ({ id, title }))
	};
};

export const actions: Actions = {
	save: async ({ params, request, locals }) => {
		const { user } = await exercises.requireAuthor(locals);
		const form = await request.formData();
		form.set('slug', params.slug);
		const parsed = parseForm(exercises.exerciseForm, form);
		if (!parsed.ok) return parsed.failure;
		const saved = await exercises.updateExercise(locals.db, user.id, parsed.data);
		if (!saved.ok) return failWith(form, saved.problem, undefined, 404);
		return { saved: saved.changed, unpublished: saved.unpublished };
	},
	verify: async ({ params, locals }) => {
		const { user } = await exercises.requireAuthor(locals);
		const result = await exercises.requestVerification(locals.db, params.slug, user.id);
		if (!result.ok) return fail(result.problem === 'author_error_not_found' ? 404 : 400, { message: translate(result.problem) });
		return { verifying: true };
	},
	publish: async ({ params, locals }) => {
		await exercises.requireAuthor(locals);
		const result = await exercises.publishExercise(locals.db, params.slug);
		if (!result.ok) return fail(result.problem === 'author_error_not_found' ? 404 : 400, { message: translate(result.problem) });
		return { published: true };
	},
	unpublish: async ({ params, locals }) => {
		await exercises.requireAuthor(locals);
		await exercises.unpublishExercise(locals.db, params.slug);
		return { unpublished: true };
	}
};
