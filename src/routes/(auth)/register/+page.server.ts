import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import { failWith, parseForm } from '$lib/server/forms';
import { registerForm } from '$lib/validation/account';
import { nextStep } from './next-step';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, nextStep(url.searchParams.get('as')));
	// With Supabase Auth, accounts are created on the login page through Supabase.
	if (locals.config.authProvider !== 'local') redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		if (locals.config.authProvider !== 'local') error(404, 'not found');
		const form = await request.formData();
		const parsed = parseForm(registerForm, form);
		if (!parsed.ok) return parsed.failure;
		const { email, as } = parsed.data;
		const result = await auth.requestRegistration(
			locals.db,
			{ email, locale: locals.locale, intent: as ?? null, ip: getClientAddress() },
			locals.config.origin
		);
		if (!result.ok) return failWith(form, 'error_mail_form_throttled', undefined, 429);
		return { sent: true, email };
	}
};
