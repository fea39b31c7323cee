import { redirect } from '@sveltejs/kit';
import * as exercises from '$lib/server/exercises';
import { failWith, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { newExerciseValues } from '../../template';

export const load: PageServerLoad = async ({ locals, url }) => {
	await exercises.requireAuthor(locals, url);
	return {
		values: newExerciseValues(await exercises.nextOrder(locals.db)),
		topics: exercises.topics.map(({ id, title }) => ({ id, title }))
	};
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const { user } = await exercises.requireAuthor(locals);
		const form = await request.formData();
		const parsed = parseForm(exercises.exerciseForm, form);
		if (!parsed.ok) return parsed.failure;
		const created = await exercises.createExercise(locals.db, user.id, parsed.data);
		if (!created.ok) return failWith(form, created.problem, 'slug');
		redirect(303, `/author/exercises/${parsed.data.slug}?created=1`);
	}
};
