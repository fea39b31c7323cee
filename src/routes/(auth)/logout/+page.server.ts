import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) await auth.invalidateSession(locals.db, locals.session.id);
		auth.deleteSessionCookie(cookies, url);
		// With Supabase Auth the browser also holds a Supabase session: the login page ends it.
		redirect(303, locals.config.authProvider === 'supabase' ? '/login?loggedOut' : '/');
	}
};
