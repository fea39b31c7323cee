/** Only same-site paths are followed after login or a language switch, never `//evil.example` or `https://...`. */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	try {
		const url = new URL(value, 'http://portal.invalid');
		return url.origin === 'http://portal.invalid' ? url.pathname + url.search + url.hash : fallback;
	} catch {
		return fallback;
	}
}

/** Where a signed-in person starts: the page of their most involved role. */
export function homeFor(roles: readonly string[]): string {
	if (roles.includes('coordinator')) return '/coordinator';
	if (roles.includes('mentor')) return '/mentor';
	if (roles.includes('student')) return '/student';
	return '/settings';
}
