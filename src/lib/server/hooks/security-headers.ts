import type { Handle } from '@sveltejs/kit';
import { routesRunningPrograms } from '../../runner/navigation';

// The Content-Security-Policy itself comes from svelte.config.js (kit.csp), which adds nonces for SvelteKit's scripts.

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	const set = (name: string, value: string) => {
		if (!headers.has(name)) headers.set(name, value);
	};
	try {
		set('X-Content-Type-Options', 'nosniff');
		set('Referrer-Policy', 'strict-origin-when-cross-origin');
		set('X-Frame-Options', 'DENY');
		set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
		set('Cross-Origin-Opener-Policy', 'same-origin');
		// With COOP, makes pages cross-origin isolated: the browser's Python runner can then interrupt a program that
		// never stops (shared memory) instead of reloading Python. Everything the portal embeds is its own.
		set('Cross-Origin-Embedder-Policy', 'require-corp');
		if (!headers.has('Content-Security-Policy')) set('Content-Security-Policy', "frame-ancestors 'none'");
		if (event.url.protocol === 'https:') set('Strict-Transport-Security', 'max-age=31536000');
		// The login page talks to Supabase Auth from the browser when it is the identity source.
		const supabaseUrl = event.locals.config?.supabase?.url;
		const policy = headers.get('Content-Security-Policy');
		if (supabaseUrl && policy) {
			headers.set('Content-Security-Policy', policy.replace("connect-src 'self'", `connect-src 'self' ${new URL(supabaseUrl).origin}`));
		}
		// WebAssembly only where Python runs in the browser (the exercise page's 実行); nowhere else may compile it.
		if (policy && routesRunningPrograms.has(event.route.id ?? '')) {
			headers.set(
				'Content-Security-Policy',
				(headers.get('Content-Security-Policy') ?? policy).replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'")
			);
		}
	} catch {
		// Responses from fetch() have immutable headers; they are proxied as they are.
	}
	return response;
};
