import * as guardians from '$lib/server/guardians';
import type { RequestHandler } from './$types';

// RFC 8058 one-click: the mail program POSTs "List-Unsubscribe=One-Click" here. It asks for no HTML (Accept */* or
// none), so SvelteKit routes it to this endpoint; a browser's POST from the page's button goes to the page's action.
// A plain answer with a status that says whether it worked: 200, or 404 for a dead link.
export const POST: RequestHandler = async ({ params, locals, getClientAddress }) => {
	const unsubscribed = await guardians.unsubscribe(locals.db, params.token, { now: new Date(), ip: getClientAddress() });
	return new Response(unsubscribed ? 'unsubscribed\n' : 'not found\n', {
		status: unsubscribed ? 200 : 404,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
};
