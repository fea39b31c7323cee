import { fail } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as exercises from '$lib/server/exercises';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	return { mentors: await exercises.listMentorAuthors(locals.db) };
};

export const actions: Actions = {
	change: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const outcome = await exercises.setAuthor(locals.db, user.id, String(form.get('userId') ?? ''), form.get('author') === 'on');
		if (!outcome.ok) return fail(400, { message: translate(outcome.problem) });
		return { updated: true };
	}
};
