import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import { failWith, parseForm } from '$lib/server/forms';
import { resetPasswordForm } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.config.authProvider !== 'local') redirect(303, '/login');
	const token = url.searchParams.get('token') ?? '';
	return { token, valid: await auth.isLinkValid(locals.db, 'reset_password', token) };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		if (locals.config.authProvider !== 'local') error(404, 'not found');
		const form = await request.formData();
		const parsed = parseForm(resetPasswordForm, form);
		if (!parsed.ok) return parsed.failure;
		const reset = await auth.resetPassword(locals.db, parsed.data.token, parsed.data.password);
		if (!reset.ok) return failWith(form, reset.problem, reset.problem === 'reset_invalid_link' ? undefined : 'password');
		auth.deleteSessionCookie(cookies, url);
		redirect(303, '/login?reset');
	}
};
