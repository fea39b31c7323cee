import { describe, expect, it } from 'vitest';
import { homeFor, safeRedirectPath } from './paths';

describe('safeRedirectPath', () => {
	it('keeps same-site paths and refuses everything that leaves the site', () => {
		expect(safeRedirectPath('/student?tab=1#top')).toBe('/student?tab=1#top');
		for (const hostile of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', null, 42]) {
			expect(safeRedirectPath(hostile, '/home')).toBe('/home');
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
