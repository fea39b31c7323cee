import * as auth from '$lib/server/auth';
import * as rateLimit from '$lib/server/ratelimit';
import { failWith, parseForm } from '$lib/server/forms';
import { forgotPasswordForm } from '$lib/validation/account';
import type { Actions } from './$types';

const requestsPerIp = { limit: 10, windowMs: 60 * 60 * 1000 };

export const actions: Actions = {
	default: async ({ request, locals, url, getClientAddress }) => {
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
