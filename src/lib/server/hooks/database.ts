import type { Handle } from '@sveltejs/kit';
import { getRuntime } from '../runtime';

export const database: Handle = async ({ event, resolve }) => {
	const runtime = await getRuntime();
	event.locals.db = runtime.connection.db;
	event.locals.config = runtime.config;
	return resolve(event);
};
