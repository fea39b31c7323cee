import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import { setLocaleCookie } from '$lib/server/i18n';
import { safeRedirectPath } from '$lib/server/paths';
import { locale as localeSchema } from '$lib/validation/account';
import type { RequestHandler } from './$types';

/** The language switch in the header; works without JavaScript. Anyone may use it. */
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const form = await request.formData();
	const parsed = localeSchema.safeParse(form.get('locale'));
	if (parsed.success) {
		setLocaleCookie(cookies, parsed.data);
		if (locals.user) await auth.setLocale(locals.db, locals.user.id, parsed.data);
	}
	redirect(303, safeRedirectPath(form.get('redirectTo')));
};
