import type { Handle } from '@sveltejs/kit';
import { DatabaseTime, measureDatabaseTime } from '../db';

/**
 * Says in a Server-Timing header where a response's time went: `db` (wall time waiting for SQL, with the number of
 * queries), `render` (everything else: hooks, load functions' own code, rendering) and `total`. Browsers' developer
 * tools show it; `npm run bench:web` prints each page's shares from it.
 */
export const serverTiming: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const database = new DatabaseTime();
	const response = await measureDatabaseTime(database, () => Promise.resolve(resolve(event)));
	const total = performance.now() - started;
	const metrics = [
		`db;dur=${database.busyMs.toFixed(1)};desc="${database.queries} queries"`,
		`render;dur=${Math.max(0, total - database.busyMs).toFixed(1)}`,
		`total;dur=${total.toFixed(1)}`
	];
	try {
		response.headers.append('Server-Timing', metrics.join(', '));
	} catch {
		// Responses from fetch() have immutable headers; they are proxied as they are.
	}
	return response;
};
