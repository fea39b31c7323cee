import { describe, expect, it } from 'vitest';
import { homeFor, safeRedirectPath } from './paths';

describe('safeRedirectPath', () => {
	it('keeps same-site paths as they are', () => {
		for (const path of ['/', '/student', '/student?tab=1#top', '/exercises/hello-world?redirectTo=//x', '/a/%2F%2Fb', '/search?q=%5C']) {
			expect(safeRedirectPath(path, '/home'), path).toBe(path);
		}
	});

	it('normalises dot segments and keeps the result only when it is still a same-site path', () => {
		expect(safeRedirectPath('/a/./b/../c')).toBe('/a/c');
		expect(safeRedirectPath('/a/%2e%2e/b')).toBe('/b');
	});

	it('refuses every form that leaves the site, before or after normalising', () => {
		const hostile = [
			'//evil.example',
			'//evil.example/phish',
			'/.//evil.example/x',
			'/..//evil.example',
			'/./..//evil.example',
			'/%2e//evil.example',
			'/%2E//evil.example',
			'/%2e%2e//evil.example',
			'/a/../..//evil.example',
			'/\\evil.example',
			'/\\/evil.example',
			'\\\\evil.example',
			'/%5Cevil.example',
			'/%5C%5Cevil.example',
			'/%2F/evil.example',
			'/%2f%2fevil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/\r\n/evil.example',
			'/\u0000/evil.example',
			'/x\r\nSet-Cookie: a=b',
			' //evil.example',
			'\t//evil.example',
			'https://evil.example',
			'https://evil.example/phish',
			'http:evil.example',
			'HTTPS://evil.example',
			'javascript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'evil.example',
			'%2F%2Fevil.example',
			'/%E0%A4%A',
			'',
			null,
			undefined,
			42,
			['/student']
		];
		for (const value of hostile) {
			expect(safeRedirectPath(value, '/home'), JSON.stringify(value)).toBe('/home');
		}
	});

	it('never answers with anything a browser would resolve to another origin', () => {
		const base = 'https://portal.example.jp/login';
		const samples = ['/.//evil.example/x', '/..//evil.example', '/%2e//evil.example', '/%5C%5Cevil.example', '/ok/../%2F%2Fevil.example', '/ok'];
		for (const sample of samples) {
			expect(new URL(safeRedirectPath(sample), base).origin, sample).toBe('https://portal.example.jp');
		}
	});
});

describe('homeFor', () => {
	it('picks the most involved role', () => {
		expect(homeFor(['student', 'coordinator'])).toBe('/coordinator');
		expect(homeFor(['student'])).toBe('/student');
		expect(homeFor([])).toBe('/settings');
	});
});
