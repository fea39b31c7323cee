// Telling "the database cannot be reached" apart from every other failure, so people get a 503 page that says
// to wait a moment (and the app recovers by itself: postgres.js reconnects on the next query).

const connectionErrorCodes = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENOTFOUND',
	'EPIPE',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT',
	// PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, and the connection_exception class.
	'57P01',
	'57P02',
	'57P03',
	'08000',
	'08001',
	'08003',
	'08004',
	'08006'
]);

/** True when `error`, or any error it wraps (Drizzle wraps the driver's), says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
	for (let current = error, depth = 0; current && depth < 5; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && connectionErrorCodes.has(code)) return true;
		const errors = (current as { errors?: unknown }).errors;
		if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
		current = (current as { cause?: unknown }).cause;
	}
	return false;
}
