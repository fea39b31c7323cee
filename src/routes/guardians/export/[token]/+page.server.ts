import * as guardians from '$lib/server/guardians';
import type { PageServerLoad } from './$types';

// Public: the link mailed to the guardian's address on record. Opening it only shows it (mail scanners open links);
// the download is a POST from this page (./download).
export const load: PageServerLoad = async ({ params, locals, setHeaders, getClientAddress }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	return { child: await guardians.findExport(locals.db, params.token, { now: new Date(), ip: getClientAddress() }), token: params.token };
};
