import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import { failWith, parseForm } from '$lib/server/forms';
import { setLocaleCookie } from '$lib/server/i18n';
import { homeFor, safeRedirectPath } from '$lib/server/paths';
import { loginForm } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), homeFor(locals.user.roles)));
	const supabase = locals.config.supabase;
	return {
		reset: url.searchParams.has('reset'),
		loggedOut: url.searchParams.has('loggedOut'),
		redirectTo: safeRedirectPath(url.searchParams.get('redirectTo'), '/login/continue'),
		// Public settings only: the anon key is meant for browsers.
		supabase: supabase && { url: supabase.url, anonKey: supabase.anonKey, methods: supabase.methods }
	};
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		if (locals.config.authProvider !== 'local') error(404, 'not found');
		const form = await request.formData();
		const parsed = parseForm(loginForm, form);
		if (!parsed.ok) return parsed.failure;
		const result = await auth.logIn(locals.db, { ...parsed.data, ip: getClientAddress() });
		if (!result.ok) {
			return result.problem === 'throttled' ? failWith(form, 'login_error_throttled', undefined, 429) : failWith(form, 'login_error_invalid');
		}
		if (locals.session) await auth.invalidateSession(locals.db, locals.session.id);
		auth.setSessionCookie(cookies, url, result.token, result.session);
		const account = await auth.findUserById(locals.db, result.session.userId);
		if (account) setLocaleCookie(cookies, account.locale);
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/login/continue'));
	}
};
