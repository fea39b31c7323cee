import { describe, expect, it } from 'vitest';
import { formatSessionTime, japanDateAndTime, japanDateTime } from './japan-time';

describe('session times in Japan', () => {
	it('reads a Japan date and time as the right instant, and back', () => {
		const instant = japanDateTime('2027-01-01', '08:30');
		expect(instant.toISOString()).toBe('2026-12-31T23:30:00.000Z');
		expect(japanDateAndTime(instant)).toEqual({ date: '2027-01-01', time: '08:30' });
	});

	it('shows a session’s date and time in Japan time in either language', () => {
		const start = japanDateTime('2026-12-05', '13:00');
		const end = japanDateTime('2026-12-05', '16:00');
		expect(formatSessionTime(start, end, 'ja')).toBe('2026年12月5日(土) 13:00〜16:00');
		expect(formatSessionTime(start, end, 'en')).toBe('Sat, 5 December 2026, 13:00–16:00');
	});
});
