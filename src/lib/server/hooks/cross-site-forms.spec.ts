import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSiteForm } from './cross-site-forms';

const origin = 'https://itbu.example.jp';
const post = (path: string, headers: Record<string, string>) => ({
	request: new Request(`${origin}${path}`, { method: 'POST', headers, body: 'List-Unsubscribe=One-Click' }),
	url: new URL(`${origin}${path}`)
});
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('cross-site form check', () => {
	it('refuses form posts from another site or without an origin, as SvelteKit does', () => {
		for (const headers of [
			{ ...form, origin: 'https://evil.example' },
			form,
			{ 'content-type': 'multipart/form-data; boundary=x' },
			{ 'content-type': 'text/plain' }
		]) {
			const { request, url } = post('/login', headers);
			expect(isForbiddenCrossSiteForm(request, url)).toBe(true);
		}
	});

	it('lets in our own forms and requests that are not forms', () => {
		expect(isForbiddenCrossSiteForm(post('/login', { ...form, origin }).request, new URL(`${origin}/login`))).toBe(false);
		expect(isForbiddenCrossSiteForm(post('/api/x', { 'content-type': 'application/json' }).request, new URL(`${origin}/api/x`))).toBe(false);
	});

	it('lets the mail program’s one-click unsubscribe in, and nothing else under /guardians', () => {
		const token = 'a'.repeat(32);
		expect(isForbiddenCrossSiteForm(post(`/guardians/unsubscribe/${token}`, form).request, new URL(`${origin}/guardians/unsubscribe/${token}`))).toBe(false);
		for (const path of [
			`/guardians/data/${token}?/delete`,
			`/guardians/unsubscribe/${token}/x`,
			`/guardians/unsubscribe/${token}?/other`,
			`/guardians/export/${token}/download`
		]) {
			const { request, url } = post(path, { ...form, origin: 'https://evil.example' });
			expect(isForbiddenCrossSiteForm(request, url), path).toBe(true);
		}
	});
});
