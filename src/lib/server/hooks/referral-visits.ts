import type { Handle } from '@sveltejs/kit';
import * as trials from '../trials';

/**
 * A link or QR code with `?ref=CODE` (on any page): the visit is counted for the code (once per browser and day,
 * trials/visits.ts), and the browser is sent on to the same page without it, so that page stays the one every
 * visitor shares (and cacheable) and the code does not travel on in shared links.
 */
export const referralVisits: Handle = async ({ event, resolve }) => {
	const ref = event.url.searchParams.get('ref');
	if (ref === null || event.request.method !== 'GET' || event.isDataRequest) return resolve(event);
	const cookie = await trials.recordVisit(event.locals.db, ref, event.cookies.get(trials.visitCookieName));
	const target = new URL(event.url);
	target.searchParams.delete('ref');
	const headers = new Headers({ location: target.pathname + target.search, 'cache-control': 'no-store' });
	if (cookie) {
		headers.append(
			'set-cookie',
			event.cookies.serialize(trials.visitCookieName, cookie, {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: event.url.protocol === 'https:',
				maxAge: trials.visitCookieMaxAgeSeconds
			})
		);
	}
	return new Response(null, { status: 303, headers });
};
