import * as auth from '$lib/server/auth';
import { failWith, parseForm } from '$lib/server/forms';
import { forgotPasswordForm } from '$lib/validation/account';
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

// With Supabase Auth, passwords live at Supabase and are reset there.
export const load: PageServerLoad = ({ locals }) => {
	if (locals.config.authProvider !== 'local') redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		if (locals.config.authProvider !== 'local') error(404, 'not found');
		const form = await request.formData();
		const parsed = parseForm(forgotPasswordForm, form);
		if (!parsed.ok) return parsed.failure;
		const result = await auth.requestPasswordReset(locals.db, { email: parsed.data.email, ip: getClientAddress() }, locals.config.origin);
		if (!result.ok) return failWith(form, 'error_mail_form_throttled', undefined, 429);
		return { sent: true };
	}
};
