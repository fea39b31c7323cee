/**
 * Only same-site paths are followed after login or a language switch. The decision is taken on the normalised
 * result, since `/.//evil.example`, `/%2e//evil.example` or `/\t/evil.example` only become `//evil.example` once
 * the URL parser (or the browser) has cleaned them up.
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
	// Browsers drop tabs and newlines and read `\` as `/`; none of them belongs in a path the portal wrote itself.
	if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
	let url: URL;
	try {
		url = new URL(value, 'http://portal.invalid');
	} catch {
		return fallback;
	}
	if (url.origin !== 'http://portal.invalid') return fallback;
	return isPlainPath(url.pathname) ? url.pathname + url.search + url.hash : fallback;
}

/** A path that stays on this site even if something on the way decodes it once more. */
function isPlainPath(pathname: string): boolean {
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return false;
	}
	return [pathname, decoded].every((path) => path.startsWith('/') && !path.startsWith('//') && !/^\/[\\\u0000-\u001f\u007f]/.test(path));
}

/** Where a signed-in person starts: the page of their most involved role. */
export function homeFor(roles: readonly string[]): string {
	if (roles.includes('coordinator')) return '/coordinator';
	if (roles.includes('mentor')) return '/mentor';
	if (roles.includes('student')) return '/student';
	return '/settings';
}
