import { error } from '@sveltejs/kit';
import * as sessions from '$lib/server/club-sessions';
import type { RequestHandler } from './$types';

/** A personal iCalendar feed: the secret token in the URL is the only credential (calendar apps send no cookies). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const ics = await sessions.calendarFeed(locals.db, params.token, { origin: locals.config.origin });
	if (!ics) error(404, 'not found');
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="kanazawa-itbu.ics"',
			'cache-control': 'private, no-cache',
			'x-robots-tag': 'noindex'
		}
	});
};
