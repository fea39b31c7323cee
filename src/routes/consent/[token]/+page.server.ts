import * as membership from '$lib/server/membership';
import * as guardians from '$lib/server/guardians';
import { consentAnswerSchema } from '$lib/validation/guardians';
import type { Actions, PageServerLoad } from './$types';

// Public: the guardian has no account. The token in the URL is the only key, so the page is never cached or
// indexed, and mail scanners that open the link only see it (the decision is a POST).
export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	return { request: await membership.findConsentRequest(locals.db, params.token), locale: locals.locale };
};

export const actions: Actions = {
	default: async ({ params, request, locals }) => {
		// Every field has a fallback (an unknown answer declines, an unknown language is Japanese): nothing to refuse.
		const answer = consentAnswerSchema.parse(Object.fromEntries(await request.formData()));
		const decided = await guardians.answerConsent(
			locals.db,
			params.token,
			answer.decision,
			{ digest: answer.digest, locale: answer.guardianLocale },
			locals.config.origin
		);
		return { decided, decision: answer.decision };
	}
};
