import { json, text, type Handle } from '@sveltejs/kit';

// SvelteKit's own CSRF check (kit.csrf.checkOrigin) refuses every form POST whose Origin is not ours, with no way to
// exempt one path; it is turned off in svelte.config.js and done here instead, identically, with one exemption:
// the guardians' unsubscribe link. RFC 8058 has the mail program itself POST "List-Unsubscribe=One-Click" to the
// link in List-Unsubscribe, from its own servers, with no Origin of ours. That is safe to let in because the action
// there acts on no session or cookie at all: the unguessable token in the path is the whole authority, and all it
// can do is stop that one child's digest. Every other path, including the guardians' other pages, stays checked.

const formContentTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const unsafeMethods = ['POST', 'PUT', 'PATCH', 'DELETE'];
const oneClickUnsubscribe = /^\/guardians\/unsubscribe\/[^/]+$/;

function isFormContentType(request: Request): boolean {
	const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
	return formContentTypes.includes(type);
}

/** Whether a request is a form submission from another site that must be refused. */
export function isForbiddenCrossSiteForm(request: Request, url: URL): boolean {
	if (!unsafeMethods.includes(request.method) || !isFormContentType(request)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !(request.method === 'POST' && oneClickUnsubscribe.test(url.pathname) && url.search === '');
}

export const crossSiteForms: Handle = async ({ event, resolve }) => {
	if (isForbiddenCrossSiteForm(event.request, event.url)) {
		const message = `Cross-site ${event.request.method} form submissions are forbidden`;
		return event.request.headers.get('accept') === 'application/json' ? json({ message }, { status: 403 }) : text(message, { status: 403 });
	}
	return resolve(event);
};
