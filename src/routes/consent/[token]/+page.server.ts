import * as membership from '$lib/server/membership';
import type { Actions, PageServerLoad } from './$types';

// Public: the guardian has no account. The token in the URL is the only key, so the page is never cached or
// indexed, and mail scanners that open the link only see it (the decision is a POST).
export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	return { request: await membership.findConsentRequest(locals.db, params.token) };
};

export const actions: Actions = {
	default: async ({ params, request, locals }) => {
		const decision = (await request.formData()).get('decision') === 'consent' ? 'consent' : 'decline';
		const decided = await membership.decideConsent(locals.db, params.token, decision);
		return { decided, decision };
	}
};
