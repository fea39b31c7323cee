import * as guardians from '$lib/server/guardians';
import { failWith, inSection } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

// Public: the link from a digest or the consent receipt is the only key (the guardian has no account). The page
// only shows; both requests are POSTs from this page (SvelteKit's same-origin check applies).
export const load: PageServerLoad = async ({ params, locals, setHeaders, getClientAddress }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	return { child: await guardians.findDataRequestPage(locals.db, params.token, { now: new Date(), ip: getClientAddress() }) };
};

export const actions: Actions = {
	copy: async ({ params, locals, request, getClientAddress }) => {
		const form = await request.formData();
		const result = await guardians.requestDataCopy(locals.db, params.token, locals.config.origin, { now: new Date(), ip: getClientAddress() });
		if (!result.ok) return inSection(failWith(form, result.problem), 'copy');
		return { copySent: true };
	},
	delete: async ({ params, locals, request, getClientAddress }) => {
		const form = await request.formData();
		if (form.get('confirm') !== 'on') return inSection(failWith(form, 'guardians_data_delete_unconfirmed', 'confirm'), 'delete');
		const result = await guardians.requestChildDeletion(locals.db, params.token, { now: new Date(), ip: getClientAddress() });
		if (!result.ok) return inSection(failWith(form, result.problem), 'delete');
		return { deletion: result.outcome };
	}
};
