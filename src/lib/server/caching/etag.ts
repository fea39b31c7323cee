// Entity tags: a response's fingerprint, so that a client that already has this version gets a bare 304. Used by the
// stored visitors' pages and by what pages ask for again and again (the room of a club session).
import { createHash } from 'node:crypto';

export function etagOf(body: string): string {
	return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header names this tag (weak or strong, one of a list). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
	return ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag) ?? false;
}

/** JSON for one signed-in person, or a bare 304 when they already have it: it saves the transfer and the client's work. */
export function privateJsonWithEtag(value: unknown, ifNoneMatch: string | null): Response {
	const body = JSON.stringify(value);
	const etag = etagOf(body);
	const headers = { etag, 'cache-control': 'private, no-cache', vary: 'Cookie' };
	if (matchesEtag(ifNoneMatch, etag)) return new Response(null, { status: 304, headers });
	return new Response(body, { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
}
