import type { HandleServerError } from '@sveltejs/kit';
import { log } from '../log';

/** Logs the whole error as one JSON line; the person sees only a friendly page with a reference number. */
export const reportError: HandleServerError = ({ error, event, status }) => {
	const id = crypto.randomUUID().slice(0, 8);
	if (status >= 500) {
		log.error('request failed', {
			id,
			status,
			method: event.request.method,
			path: event.url.pathname,
			error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error)
		});
	}
	return { message: 'error', id: status >= 500 ? id : undefined };
};
