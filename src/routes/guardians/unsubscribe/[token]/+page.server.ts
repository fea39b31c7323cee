import { fail } from '@sveltejs/kit';
import * as guardians from '$lib/server/guardians';
import type { Actions, PageServerLoad } from './$types';

// Public, and the link in List-Unsubscribe: the token is the only key (no login, no cookie). Opening the page only
// shows it (mail scanners open links); stopping is a POST, from the page's button (here) or from the mail program
// itself (RFC 8058 one-click, ./+server.ts; no Origin of ours, so hooks/cross-site-forms.ts lets it in).
export const load: PageServerLoad = async ({ params, locals, setHeaders, getClientAddress }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	return { subscription: await guardians.findSubscription(locals.db, params.token, { now: new Date(), ip: getClientAddress() }) };
};

export const actions: Actions = {
	default: async ({ params, locals, getClientAddress }) => {
		const unsubscribed = await guardians.unsubscribe(locals.db, params.token, { now: new Date(), ip: getClientAddress() });
		// A dead link answers 404, so that a mail program can tell it did not work.
		return unsubscribed ? { unsubscribed } : fail(404, { unsubscribed });
	}
};
