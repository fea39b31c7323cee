import { error } from '@sveltejs/kit';
import * as guardians from '$lib/server/guardians';
import { japanDate } from '$lib/japan-time';
import type { RequestHandler } from './$types';

// The download behind the export page's button: a POST, so that link scanners never fetch a child's data.
export const POST: RequestHandler = async ({ params, locals, getClientAddress }) => {
	const data = await guardians.downloadExport(locals.db, params.token, { now: new Date(), ip: getClientAddress() });
	if (!data) error(404, 'not found');
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="kanazawa-itbu-child-data-${japanDate()}.json"`,
			'cache-control': 'no-store',
			'x-robots-tag': 'noindex'
		}
	});
};
