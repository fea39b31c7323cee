import { describe, expect, it } from 'vitest';
import { band, box, linear, linePath, monthLabels, niceAxis, percent, weekLabels } from './geometry';

const months = (from: string, count: number) =>
	Array.from({ length: count }, (_, index) => {
		const [year, month] = from.split('-').map(Number) as [number, number];
		const total = year * 12 + (month - 1) + index;
		return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
	});
const format = (month: string) => `${Number(month.slice(5))}月`;

describe('chart geometry', () => {
	it('maps values onto the drawing, the y axis upside down', () => {
		const y = linear([0, 200], [box.height, 0]);
		expect([y(0), y(100), y(200)]).toEqual([300, 150, 0]);
		expect(linear([5, 5], [0, 10])(5)).toBe(0);
	});

	it('gives a y axis from 0 in round steps that holds the highest value (the target of 160 included)', () => {
		expect(niceAxis(160)).toEqual({ max: 200, ticks: [0, 50, 100, 150, 200] });
		expect(niceAxis(63)).toEqual({ max: 80, ticks: [0, 20, 40, 60, 80] });
		expect(niceAxis(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
		expect(niceAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
		expect(niceAxis(1000).ticks.at(-1)).toBeGreaterThanOrEqual(1000);
		for (const max of [3, 17, 99, 101, 160, 2501]) expect(niceAxis(max).ticks.length).toBeLessThanOrEqual(5);
	});

	it('draws a line through the known values and breaks it where a value is missing', () => {
		const x = (index: number) => index * 10;
		const y = (value: number) => 100 - value;
		expect(linePath([1, 2, null, 4, 5], x, y)).toBe('M0,99L10,98M30,96L40,95');
		expect(linePath([null, null], x, y)).toBe('');
	});

	it('splits the width into equal slots with a gap, for columns', () => {
		const slots = band(4, 1000, 0.2);
		expect(slots.size).toBe(200);
		expect([slots.start(0), slots.centre(0), slots.start(3)]).toEqual([25, 125, 775]);
	});

	it('places labels in per cent of the drawing, so that they follow any width', () => {
		expect(percent(250, 1000)).toBe('25%');
		expect(percent(100, 300)).toBe('33.333%');
	});

	it('labels every January as its year and July as a minor label that a phone leaves out', () => {
		const labels = monthLabels(months('2023-04', 48), format);
		expect(labels.filter((label) => !label.minor).map((label) => label.text)).toEqual(['2024', '2025', '2026', '2027']);
		expect(labels.filter((label) => label.minor).map((label) => label.text)).toEqual(['7月', '7月', '7月', '7月']);
		expect(labels.map((label) => label.index)).toEqual([...labels.map((label) => label.index)].sort((a, b) => a - b));
	});

	it('keeps at most eight year labels on a long axis, and labels a short one by its first month', () => {
		const long = monthLabels(months('2010-01', 20 * 12), format);
		expect(long.length).toBeLessThanOrEqual(10);
		expect(long.every((label) => !label.minor)).toBe(true);
		expect(monthLabels(months('2026-03', 4), format)).toEqual([{ index: 0, text: '3月', minor: false }]);
	});

	it('labels weeks by date, the latest and every fourth before it always', () => {
		const labels = weekLabels(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07']);
		expect(labels.map((label) => label.text)).toEqual(['11/2', '11/9', '11/16', '11/23', '11/30', '12/7']);
		expect(labels.filter((label) => !label.minor).map((label) => label.text)).toEqual(['11/9', '12/7']);
	});
});
