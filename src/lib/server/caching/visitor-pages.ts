// Pages that are the same for every visitor (nobody signed in) in a language: rendered once per change of what they
// show (the shared_page_changes counter, shared.ts) or per minute, kept by this server and served to every visitor
// meanwhile, with an ETag so that a browser (or a CDN) that has the page gets a bare 304. And the other half of the
// rule: a response to a signed-in person is never stored by a shared cache.
// Note: a per-process store. A stored page keeps the CSP nonce it was rendered with; it holds nothing a visitor could
// inject, and the nonce only ever authorises that page's own scripts.
import { etagOf, matchesEtag } from './etag';

/** Route ids whose page is the same for every visitor in a language (nothing per person, nothing from the query). */
export const visitorRoutes: ReadonlySet<string> = new Set(['/(public)']);

export const visitorPageMaxAgeMs = 60_000;

/** Browsers and CDNs may keep the page but must ask again each time (answered by a 304 when it has not changed). */
export const sharedCacheControl = 'public, max-age=0, must-revalidate';
export const privateCacheControl = 'private, no-cache';

export interface StoredPage {
	body: string;
	headers: Array<[string, string]>;
	etag: string;
}

interface Entry {
	page: StoredPage;
	version: string;
	at: number;
}

const stores = new WeakMap<object, Map<string, Entry>>();

export interface Visit {
	method: string;
	routeId: string | null;
	search: string;
	isDataRequest: boolean;
	/** The request carried a session cookie, valid or not. */
	sessionCookie: boolean;
	signedIn: boolean;
}

/** Whether a Cookie request header holds a cookie of this name (whatever its value). */
export function hasCookie(header: string | null, name: string): boolean {
	return (header ?? '').split(';').some((pair) => pair.trim().startsWith(`${name}=`));
}

/** Whether this request gets the one page every visitor gets. */
export function isVisitorPage(visit: Visit): boolean {
	return (
		visit.method === 'GET' && !visit.sessionCookie && !visit.signedIn && !visit.isDataRequest && visit.search === '' && visitorRoutes.has(visit.routeId ?? '')
	);
}

export function findVisitorPage(db: object, key: string, version: string, now = Date.now()): StoredPage | undefined {
	const entry = stores.get(db)?.get(key);
	if (!entry || entry.version !== version || now - entry.at >= visitorPageMaxAgeMs || now < entry.at) return undefined;
	return entry.page;
}

/**
 * Reads a freshly rendered response and keeps it when every visitor may see it: a 200 that sets no cookie. Returns
 * the page to answer with either way (undefined: answer with the response as it is).
 */
export async function storeVisitorPage(db: object, key: string, version: string, response: Response, now = Date.now()): Promise<StoredPage | undefined> {
	if (response.status !== 200 || response.headers.has('set-cookie')) return undefined;
	const body = await response.text();
	const headers = [...response.headers].filter(([name]) => name !== 'server-timing' && name !== 'content-length');
	const page: StoredPage = { body, headers, etag: etagOf(body) };
	let store = stores.get(db);
	if (!store) stores.set(db, (store = new Map()));
	store.set(key, { page, version, at: now });
	return page;
}

/** The stored page as a response: a bare 304 when the browser already has this version. */
export function answerWithPage(page: StoredPage, ifNoneMatch: string | null): Response {
	const headers = new Headers(page.headers);
	headers.set('etag', page.etag);
	headers.set('cache-control', sharedCacheControl);
	headers.set('vary', 'Cookie, Accept-Language');
	if (matchesEtag(ifNoneMatch, page.etag)) {
		for (const name of ['content-type', 'content-length']) headers.delete(name);
		return new Response(null, { status: 304, headers });
	}
	return new Response(page.body, { status: 200, headers });
}

/** A response to a signed-in person (or one that sets a cookie) may be kept by their browser only, never by a shared cache. */
export function keepPrivate(response: Response): Response {
	try {
		const current = response.headers.get('cache-control');
		if (!current) response.headers.set('cache-control', privateCacheControl);
		else if (!/\b(private|no-store)\b/.test(current))
			response.headers.set('cache-control', `private, ${current.replace(/\bpublic\s*,?\s*/g, '').trim()}`.replace(/,\s*$/, ''));
	} catch {
		// Responses from fetch() have immutable headers; none of them is a page.
	}
	return response;
}
