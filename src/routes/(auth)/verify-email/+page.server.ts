import * as auth from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

// Mail scanners open links on their own, so the link shows a button and the verification happens on its POST.
export const load: PageServerLoad = async ({ url, locals }) => {
	const token = url.searchParams.get('token') ?? '';
	return { token, valid: await auth.isLinkValid(locals.db, 'verify_email', token) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const token = String((await request.formData()).get('token') ?? '');
		return { verified: await auth.verifyEmail(locals.db, token) };
	}
};
