import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) await auth.invalidateSession(locals.db, locals.session.id);
		auth.deleteSessionCookie(cookies, url);
		redirect(303, '/');
	}
};
