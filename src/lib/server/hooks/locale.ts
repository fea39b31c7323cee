import type { Handle } from '@sveltejs/kit';
import { paraglideMiddleware } from '../../paraglide/server.js';

/** The locale comes from the `locale` cookie, then the browser's Accept-Language, then Japanese. */
export const locale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});
