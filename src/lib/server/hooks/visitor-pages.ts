import type { Handle } from '@sveltejs/kit';
import * as auth from '../auth';
import * as caching from '../caching';

/** The visitors' pages come from the shared store (caching/visitor-pages.ts); anything for a signed-in person stays private. */
export const visitorPages: Handle = async ({ event, resolve }) => {
	// From the request itself: `event.cookies` already reflects the deletion of a session cookie that did not validate.
	const sessionCookie = caching.hasCookie(event.request.headers.get('cookie'), auth.sessionCookieName(event.url));
	const visit = {
		method: event.request.method,
		routeId: event.route.id,
		search: event.url.search,
		isDataRequest: event.isDataRequest,
		sessionCookie,
		signedIn: Boolean(event.locals.user)
	};
	if (!caching.isVisitorPage(visit)) {
		const response = await resolve(event);
		return sessionCookie || event.locals.user || response.headers.has('set-cookie') ? caching.keepPrivate(response) : response;
	}
	const key = `${event.url.pathname} ${event.locals.locale}`;
	const version = await caching.sharedPagesVersion(event.locals.db);
	const stored = caching.findVisitorPage(event.locals.db, key, version);
	if (stored) return caching.answerWithPage(stored, event.request.headers.get('if-none-match'));
	const response = await resolve(event);
	const page = await caching.storeVisitorPage(event.locals.db, key, version, response);
	return page ? caching.answerWithPage(page, event.request.headers.get('if-none-match')) : response;
};
