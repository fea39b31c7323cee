// One JSON line per event on stdout/stderr, ready for any log collector.
// Nothing a person typed reaches the log: no form values, query parameters, hashes or tokens. A database error is
// described by its class, SQLSTATE code, constraint, table and column only, since Drizzle's message carries the
// query's parameters (a new account's email, name and password hash) and the driver's detail the offending values.
type Fields = Record<string, unknown>;

export interface ErrorDescription {
	class: string;
	message?: string;
	code?: string;
	constraint?: string;
	table?: string;
	column?: string;
	routine?: string;
	stack?: string[];
}

type DriverError = Error & Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** A PostgreSQL error as postgres.js (snake_case fields) or PGlite (camelCase) reports it. */
function isDriverError(error: unknown): error is DriverError {
	const candidate = error as DriverError | null;
	return candidate instanceof Error && typeof candidate.severity === 'string' && /^[0-9A-Z]{5}$/.test(String(candidate.code));
}

/** Drizzle's wrapper around a failed query: its message is the SQL followed by every parameter. */
function isQueryError(error: unknown): boolean {
	return error instanceof Error && 'params' in error && 'query' in error;
}

function causes(error: unknown): unknown[] {
	const chain: unknown[] = [];
	for (let current = error; current !== undefined && current !== null && chain.length < 5; current = (current as { cause?: unknown }).cause) {
		chain.push(current);
	}
	return chain;
}

/** The call stack without its first line, which repeats the message. */
function frames(error: Error): string[] | undefined {
	return error.stack
		?.split('\n')
		.filter((line) => /^\s+at /.test(line))
		.slice(0, 12)
		.map((line) => line.trim());
}

export function describeError(error: unknown): ErrorDescription {
	if (!(error instanceof Error)) return { class: typeof error };
	const chain = causes(error);
	const driver = chain.find(isDriverError);
	if (driver || chain.some(isQueryError)) {
		return {
			class: [error, driver]
				.filter((item, index, all) => item && all.indexOf(item) === index)
				.map((item) => errorClass(item as Error))
				.join(' < '),
			code: text(driver?.code),
			constraint: text(driver?.constraint_name ?? driver?.constraint),
			table: text(driver?.table_name ?? driver?.table),
			column: text(driver?.column_name ?? driver?.column),
			routine: text(driver?.routine),
			stack: frames(error)
		};
	}
	return { class: errorClass(error), message: withoutQueryParameters(error.message), stack: frames(error) };
}

/** PGlite's error class is minified and named "error"; postgres.js names its own. */
function errorClass(error: Error): string {
	for (const name of [error.name, error.constructor?.name]) {
		if (name && name !== 'Error' && /^[A-Z]\w{3,}$/.test(name)) return name;
	}
	return isDriverError(error) ? 'DatabaseError' : 'Error';
}

/** A failed query's text as `String(error)` gives it keeps the SQL but not the values bound to it. */
function withoutQueryParameters(value: string): string {
	return value.replace(/\nparams: [\s\S]*$/, '\nparams: [withheld]');
}

function safeField(value: unknown): unknown {
	if (value instanceof Error) return describeError(value);
	if (typeof value === 'string') return withoutQueryParameters(value);
	return value;
}

function write(level: 'info' | 'warn' | 'error', message: string, fields: Fields) {
	const safe = Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, safeField(value)]));
	const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...safe });
	if (level === 'info') console.log(line);
	else console.error(line);
}

export const log = {
	info: (message: string, fields: Fields = {}) => write('info', message, fields),
	warn: (message: string, fields: Fields = {}) => write('warn', message, fields),
	error: (message: string, fields: Fields = {}) => write('error', message, fields)
};
