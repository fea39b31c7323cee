import { describe, expect, it } from 'vitest';
import { calendarMonth } from './calendar';

describe('the calendar month', () => {
	it('lays out a month in whole weeks from Sunday, bounded by Japan midnight', () => {
		const month = calendarMonth('2026-12');
		expect(month.weeks).toHaveLength(5);
		expect(month.weeks[0]![0]).toEqual({ date: '2026-11-29', inMonth: false });
		expect(month.weeks[0]![2]).toEqual({ date: '2026-12-01', inMonth: true });
		expect(month.weeks.at(-1)!.at(-1)).toEqual({ date: '2027-01-02', inMonth: false });
		expect(month.from.toISOString()).toBe('2026-11-30T15:00:00.000Z');
		expect(month.to.toISOString()).toBe('2026-12-31T15:00:00.000Z');
		expect([month.previous, month.next]).toEqual(['2026-11', '2027-01']);
	});

	it('falls back to the current month in Japan for anything else', () => {
		expect(calendarMonth('2026-13', new Date('2026-12-31T15:30:00Z')).month).toBe('2027-01');
		expect(calendarMonth(null, new Date('2026-12-31T14:30:00Z')).month).toBe('2026-12');
	});
});
