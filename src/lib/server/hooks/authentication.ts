import { error, type Handle } from '@sveltejs/kit';
import * as auth from '../auth';
import { isDatabaseUnavailable } from '../db';

export const authentication: Handle = async ({ event, resolve }) => {
	const token = auth.readSessionCookie(event.cookies, event.url);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const validated = await auth.validateSessionToken(event.locals.db, token).catch((failure: unknown) => {
			// Not knowing who is asking is no reason to log them out: answer "try again soon" instead.
			if (isDatabaseUnavailable(failure)) error(503, 'database_unavailable');
			throw failure;
		});
		if (validated) {
			event.locals.user = validated.user;
			event.locals.session = validated.session;
			auth.setSessionCookie(event.cookies, event.url, token, validated.session);
		} else {
			auth.deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};
