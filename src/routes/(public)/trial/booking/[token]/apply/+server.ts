import { redirect } from '@sveltejs/kit';
import * as trials from '$lib/server/trials';
import type { RequestHandler } from './$types';

/**
 * The invitation's link to apply: the application form (/join, behind sign-up or login) reads the booking through
 * a cookie for that page only, so that nothing the booking told us is typed again.
 */
export const GET: RequestHandler = async ({ locals, params, cookies, url }) => {
	const booking = await trials.bookingForApplication(locals.db, params.token);
	if (!booking) redirect(303, `/trial/booking/${params.token}`);
	cookies.set(trials.applyCookieName, params.token, {
		path: '/join',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: trials.applyCookieMaxAgeSeconds
	});
	redirect(303, '/join');
};
