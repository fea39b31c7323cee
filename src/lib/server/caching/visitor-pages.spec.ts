// Which requests share the visitors' stored page, what is stored, and the headers that keep shared caches away from
// anything signed in. (tests/page-caching.e2e.ts checks the same through the real server.)
import { describe, expect, it } from 'vitest';
import { answerWithPage, findVisitorPage, hasCookie, isVisitorPage, keepPrivate, storeVisitorPage, visitorPageMaxAgeMs, type Visit } from './visitor-pages';

const visitor: Visit = { method: 'GET', routeId: '/(public)', search: '', isDataRequest: false, sessionCookie: false, signedIn: false };
const page = (body: string, init: ResponseInit = {}) => new Response(body, { status: 200, headers: { 'content-type': 'text/html' }, ...init });

describe('the visitors’ shared page', () => {
	it('is only for a GET of a listed page by someone with no session, without a query', () => {
		expect(isVisitorPage(visitor)).toBe(true);
		expect(isVisitorPage({ ...visitor, signedIn: true })).toBe(false);
		// An expired or forged session cookie: the response deletes it, so it is that person's.
		expect(isVisitorPage({ ...visitor, sessionCookie: true })).toBe(false);
		expect(isVisitorPage({ ...visitor, method: 'POST' })).toBe(false);
		expect(isVisitorPage({ ...visitor, search: '?utm=1' })).toBe(false);
		expect(isVisitorPage({ ...visitor, isDataRequest: true })).toBe(false);
		expect(isVisitorPage({ ...visitor, routeId: '/(app)/student' })).toBe(false);
		expect(isVisitorPage({ ...visitor, routeId: null })).toBe(false);
	});

	it('sees a session cookie in the request, whatever its value', () => {
		expect(hasCookie('locale=ja; session=abc.def', 'session')).toBe(true);
		expect(hasCookie('session=', 'session')).toBe(true);
		expect(hasCookie('locale=ja; my_session=abc', 'session')).toBe(false);
		expect(hasCookie(null, 'session')).toBe(false);
	});

	it('stores a 200 without cookies, per version and for a minute at most', async () => {
		const db = {};
		const stored = await storeVisitorPage(db, '/ ja', 'v1', page('<h1>ようこそ</h1>'), 1_000);
		expect(stored?.body).toBe('<h1>ようこそ</h1>');
		expect(findVisitorPage(db, '/ ja', 'v1', 1_000 + visitorPageMaxAgeMs - 1)).toEqual(stored);
		expect(findVisitorPage(db, '/ en', 'v1', 1_000)).toBeUndefined();
		expect(findVisitorPage(db, '/ ja', 'v2', 1_000)).toBeUndefined();
		expect(findVisitorPage(db, '/ ja', 'v1', 1_000 + visitorPageMaxAgeMs)).toBeUndefined();
		expect(findVisitorPage({}, '/ ja', 'v1', 1_000)).toBeUndefined();
	});

	it('never stores a response that sets a cookie, nor an error', async () => {
		const db = {};
		expect(await storeVisitorPage(db, '/ ja', 'v1', page('mine', { headers: { 'set-cookie': 'session=abc' } }))).toBeUndefined();
		expect(await storeVisitorPage(db, '/ ja', 'v1', page('oops', { status: 500 }))).toBeUndefined();
		expect(findVisitorPage(db, '/ ja', 'v1')).toBeUndefined();
	});

	it('answers with revalidation headers, and a bare 304 to a browser that has this version', async () => {
		const stored = (await storeVisitorPage({}, '/ ja', 'v1', page('<p>home</p>')))!;
		const full = answerWithPage(stored, null);
		expect(full.status).toBe(200);
		expect(full.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
		expect(full.headers.get('vary')).toBe('Cookie, Accept-Language');
		expect(full.headers.get('etag')).toBe(stored.etag);
		expect(await full.text()).toBe('<p>home</p>');
		const revalidated = answerWithPage(stored, `"other", W/${stored.etag}`);
		expect(revalidated.status).toBe(304);
		expect(await revalidated.text()).toBe('');
		expect(answerWithPage(stored, '"other"').status).toBe(200);
		const changed = (await storeVisitorPage({}, '/ ja', 'v2', page('<p>home, changed</p>')))!;
		expect(changed.etag).not.toBe(stored.etag);
	});

	it('keeps any response to a signed-in person out of shared caches', () => {
		expect(keepPrivate(new Response('x')).headers.get('cache-control')).toBe('private, no-cache');
		expect(keepPrivate(new Response('x', { headers: { 'cache-control': 'public, max-age=3600' } })).headers.get('cache-control')).toBe('private, max-age=3600');
		expect(keepPrivate(new Response('x', { headers: { 'cache-control': 'no-store' } })).headers.get('cache-control')).toBe('no-store');
	});
});
