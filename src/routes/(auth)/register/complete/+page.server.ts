import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import { failWith, parseForm } from '$lib/server/forms';
import { completeRegistrationForm } from '$lib/validation/account';
import { nextStep } from '../next-step';
import type { Actions, PageServerLoad } from './$types';

/** The link from the registration mail: the owner of the address chooses a name and a password. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.config.authProvider !== 'local') redirect(303, '/login');
	const token = url.searchParams.get('token') ?? '';
	const link = await auth.findRegistrationLink(locals.db, token);
	return { token, email: link?.email ?? null };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		if (locals.config.authProvider !== 'local') error(404, 'not found');
		const form = await request.formData();
		const parsed = parseForm(completeRegistrationForm, form);
		if (!parsed.ok) return parsed.failure;
		const result = await auth.completeRegistration(locals.db, parsed.data);
		if (!result.ok) return failWith(form, result.problem, result.problem.startsWith('register_') ? undefined : 'password');
		if (locals.session) await auth.invalidateSession(locals.db, locals.session.id);
		auth.setSessionCookie(cookies, url, result.token, result.session);
		redirect(303, nextStep(result.intent));
	}
};
