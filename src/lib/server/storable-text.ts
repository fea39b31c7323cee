// PostgreSQL's text and jsonb columns cannot hold U+0000: a NUL byte that reaches a query makes it fail (a 500, and
// before the fix a log line with the query's parameters). Every request passes through `findUnstorableText` once,
// in a hook, so no form, JSON endpoint, path or query parameter can carry one to the database.

const nul = '\u0000';

export type UnstorableText =
	| { in: 'url' }
	| { in: 'form'; field: string; form: FormData }
	| { in: 'json' }
	/** A body that says it is a form but cannot be read as one. */
	| { in: 'malformed-form' };

const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

function mediaType(request: Request): string {
	return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Where the request carries a NUL, or null when it carries none. The request's body stays readable. */
export async function findUnstorableText(request: Request, url: URL): Promise<UnstorableText | null> {
	if (/%00/i.test(url.pathname) || [...url.searchParams].some(([name, value]) => name.includes(nul) || value.includes(nul))) {
		return { in: 'url' };
	}
	if (request.body === null) return null;
	const type = mediaType(request);
	if (formTypes.includes(type)) return findInForm(request);
	if (type === 'application/json' || type.endsWith('+json')) return findInJson(request);
	return null;
}

async function findInForm(request: Request): Promise<UnstorableText | null> {
	let form: FormData;
	try {
		form = await request.clone().formData();
	} catch (error) {
		// The adapter's body size limit (413) is its own answer.
		if (typeof (error as { status?: unknown }).status === 'number') throw error;
		return { in: 'malformed-form' };
	}
	for (const [name, value] of form) {
		const text = typeof value === 'string' ? value : value.name;
		if (name.includes(nul) || text.includes(nul)) return { in: 'form', field: name.replaceAll(nul, ''), form };
	}
	return null;
}

async function findInJson(request: Request): Promise<UnstorableText | null> {
	let body: unknown;
	try {
		body = JSON.parse(await request.clone().text());
	} catch {
		// Not JSON after all: the endpoint answers that itself.
		return null;
	}
	return holdsNul(body) ? { in: 'json' } : null;
}

function holdsNul(value: unknown): boolean {
	if (typeof value === 'string') return value.includes(nul);
	if (Array.isArray(value)) return value.some(holdsNul);
	if (value && typeof value === 'object') return Object.entries(value).some(([key, inner]) => key.includes(nul) || holdsNul(inner));
	return false;
}

/** The form without the characters that cannot be stored, to give back what the person typed. */
export function withoutUnstorable(form: FormData): FormData {
	const cleaned = new FormData();
	for (const [name, value] of form) {
		if (typeof value === 'string') cleaned.append(name.replaceAll(nul, ''), value.replaceAll(nul, ''));
	}
	return cleaned;
}
