import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import { failWith, parseForm } from '$lib/server/forms';
import { registerForm } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, nextStep(url.searchParams.get('as')));
	// With Supabase Auth, accounts are created on the login page through Supabase.
	if (locals.config.authProvider !== 'local') redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		if (locals.config.authProvider !== 'local') error(404, 'not found');
		const form = await request.formData();
		const parsed = parseForm(registerForm, form);
		if (!parsed.ok) return parsed.failure;
		try {
			const { token, session } = await auth.register(locals.db, { ...parsed.data, locale: locals.locale }, url.origin);
			auth.setSessionCookie(cookies, url, token, session);
		} catch (error) {
			if (error instanceof auth.AccountError) {
				return failWith(form, error.problem, error.problem === 'email_taken' ? 'email' : 'password');
			}
			throw error;
		}
		redirect(303, nextStep(form.get('as')));
	}
};

/** After signing up, a future student or mentor goes on to their application; everyone else to their settings. */
function nextStep(intent: unknown): string {
	if (intent === 'student') return '/join?registered';
	if (intent === 'mentor') return '/mentors/apply?registered';
	return '/settings?registered';
}
