import { json } from '@sveltejs/kit';
import { getRuntime, isDatabaseReachable } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

// Public on purpose: load balancers and uptime monitors call it. It reveals nothing but up or down.
export const GET: RequestHandler = async () => {
	const runtime = await getRuntime();
	const reachable = await isDatabaseReachable(runtime.connection);
	return json(
		{ status: reachable ? 'ok' : 'unavailable', database: reachable ? 'ok' : 'unreachable' },
		{ status: reachable ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
