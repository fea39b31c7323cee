// The public verification page: no login, the certificate's own facts and whether it is valid, nothing else about its
// holder; kept out of search engines and caches.
import { error } from '@sveltejs/kit';
import * as certificates from '$lib/server/certificates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, setHeaders, getClientAddress }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow', 'referrer-policy': 'no-referrer' });
	const found = await certificates.verifyForVisitor(locals.db, params.code, getClientAddress());
	if (found === 'rate_limited') error(429, 'certificates_verify_rate_limited');
	if (!found) error(404, 'certificates_verify_not_found');
	return { certificate: found };
};
