import { describe, expect, it } from 'vitest';
import { chartMonths, forecastTarget, type MonthPoint } from './forecast';

const target = { count: 160, date: '2027-12-31', baselineDate: '2023-12-31' };

function series(from: string, joinedPerMonth: number[]): MonthPoint[] {
	let cumulative = 0;
	const [year, month] = from.split('-').map(Number) as [number, number];
	return joinedPerMonth.map((joined, index) => {
		cumulative += joined;
		const total = year * 12 + month - 1 + index;
		return { month: `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`, joined, cumulative };
	});
}

describe('the forecast toward the target', () => {
	it('averages the last 12 complete months and says when the target is reached', () => {
		// 100 members by 2025-10, then 3 a month for 12 months, and 1 so far in the current month.
		const months = series('2025-10', [100, ...Array(12).fill(3), 1]);
		const forecast = forecastTarget(months, target, '2026-11');
		expect(forecast).toMatchObject({ current: 137, pacePerMonth: 3, paceMonths: 12, reached: false });
		// 23 more at 3 a month: 8 months after 2026-11.
		expect(forecast.reachMonth).toBe('2027-07');
		expect(forecast.onTrack).toBe(true);
		expect(forecast.neededPerMonth).toBeCloseTo(23 / 13);
	});

	it('is off track when the pace arrives after the date, and never arrives at zero pace', () => {
		const slow = forecastTarget(series('2025-10', [100, ...Array(13).fill(1)]), target, '2026-11');
		expect(slow).toMatchObject({ reachMonth: '2030-10', onTrack: false });
		const stalled = forecastTarget(series('2025-01', [50, ...Array(22).fill(0)]), target, '2026-11');
		expect(stalled).toMatchObject({ pacePerMonth: 0, reachMonth: null, onTrack: false });
	});

	it('reports the month the target was reached once it is', () => {
		const forecast = forecastTarget(series('2027-01', [150, 5, 10, 2]), target, '2027-04');
		expect(forecast).toMatchObject({ reached: true, onTrack: true, reachMonth: '2027-03', neededPerMonth: null });
	});

	it('draws the target line from the baseline count to the target, and the forecast from the current month', () => {
		const months = series('2023-11', [60, 3, ...Array(35).fill(2)]);
		const forecast = forecastTarget(months, target, '2026-11');
		const chart = chartMonths(months, target, '2026-11', forecast);
		expect(chart[0]).toMatchObject({ month: '2023-11', cumulative: 60, targetLine: null, forecastLine: null });
		expect(chart.find((month) => month.month === '2023-12')).toMatchObject({ cumulative: 63, targetLine: 63 });
		expect(chart.at(-1)).toMatchObject({ month: '2027-12', cumulative: null, targetLine: 160, forecastLine: 133 + 2 * 13 });
		expect(chart.find((month) => month.month === '2026-11')).toMatchObject({ cumulative: 133, forecastLine: 133 });
	});
});
