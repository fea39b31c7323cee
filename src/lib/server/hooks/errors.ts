import type { Handle, HandleServerError } from '@sveltejs/kit';
import { isDatabaseUnavailable } from '../db';
import { log } from '../log';

/**
 * Logs one JSON line per failure; the person sees only a friendly page with a reference number. The line names the
 * route (`/consent/[token]`), never the path or query, which may hold tokens, and describes the error without its
 * values (see log.ts).
 */
export const reportError: HandleServerError = ({ error, event, status }) => {
	if (isDatabaseUnavailable(error)) {
		event.locals.databaseUnavailable = true;
		log.warn('database unavailable', { method: event.request.method, route: event.route.id });
		return { message: 'database_unavailable' };
	}
	const id = crypto.randomUUID().slice(0, 8);
	if (status >= 500) log.error('request failed', { id, status, method: event.request.method, route: event.route.id, error });
	return { message: 'error', id: status >= 500 ? id : undefined };
};

/** A page that failed because the database is down is a 503 (try again soon), not a 500. */
export const serviceUnavailable: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!event.locals.databaseUnavailable || response.status !== 500) return response;
	const headers = new Headers(response.headers);
	headers.set('retry-after', '10');
	return new Response(response.body, { status: 503, headers });
};
