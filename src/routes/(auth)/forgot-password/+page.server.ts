import * as auth from '$lib/server/auth';
import * as rateLimit from '$lib/server/ratelimit';
import { failWith, parseForm } from '$lib/server/forms';
import { forgotPasswordForm } from '$lib/validation/account';
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const requestsPerIp = { limit: 10, windowMs: 60 * 60 * 1000 };

// With Supabase Auth, passwords live at Supabase and are reset there.
export const load: PageServerLoad = ({ locals }) => {
	if (locals.config.authProvider !== 'local') redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ request, locals, url, getClientAddress }) => {
		if (locals.config.authProvider !== 'local') error(404, 'not found');
		const form = await request.formData();
		const parsed = parseForm(forgotPasswordForm, form);
		if (!parsed.ok) return parsed.failure;
		if (!(await rateLimit.tryConsume(locals.db, `reset-request:${getClientAddress()}`, requestsPerIp))) {
			return failWith(form, 'error_429_body', undefined, 429);
		}
		await auth.requestPasswordReset(locals.db, parsed.data.email, url.origin);
		return { sent: true };
	}
};
