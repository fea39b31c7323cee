import * as auth from '$lib/server/auth';
import { exportOwnData } from '$lib/server/own-data';
import { japanDate } from '$lib/japan-time';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const { user } = auth.requireUser(locals);
	const data = await exportOwnData(locals.db, user);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="kanazawa-itbu-my-data-${japanDate()}.json"`,
			'cache-control': 'no-store'
		}
	});
};
