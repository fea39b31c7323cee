// The arithmetic of the dashboard's charts, drawn on the server as SVG: lines and bars in a fixed drawing box that
// stretches to the chart's width (so no script has to measure it), and labels placed in per cent of that box, written
// as HTML so that their text keeps its size at any width.

/** The drawing box of every chart: wide and short; it is stretched to the chart's real width and height. */
export const box = { width: 1000, height: 300 } as const;

/** Maps a value in `domain` to `range` along a straight line. */
export function linear([d0, d1]: [number, number], [r0, r1]: [number, number]): (value: number) => number {
	const span = d1 - d0 || 1;
	return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/**
 * A y axis from 0 that reaches at least `max`, in round whole steps (1, 2, 2.5 or 5 times a power of ten), with at most
 * `count` steps: e.g. 0, 50, 100, 150, 200 for 160.
 */
export function niceAxis(max: number, count = 4): { max: number; ticks: number[] } {
	const top = Math.max(max, 1);
	const rough = top / count;
	const power = 10 ** Math.floor(Math.log10(rough));
	// Counts of people: steps are whole numbers.
	const step =
		[1, 2, 2.5, 5, 10]
			.map((factor) => factor * power)
			.filter(Number.isInteger)
			.find((candidate) => top / candidate <= count) ?? Math.max(1, 10 * power);
	const steps = Math.ceil(top / step - 1e-9);
	const ticks = Array.from({ length: steps + 1 }, (_, index) => round(index * step));
	return { max: ticks.at(-1)!, ticks };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** An SVG path through the points, broken where a value is missing (null). */
export function linePath(values: Array<number | null>, x: (index: number) => number, y: (value: number) => number): string {
	let path = '';
	let drawing = false;
	values.forEach((value, index) => {
		if (value === null) {
			drawing = false;
			return;
		}
		path += `${drawing ? 'L' : 'M'}${round(x(index))},${round(y(value))}`;
		drawing = true;
	});
	return path;
}

/** Where the i-th of n equal slots starts and how wide it is, across `width`, leaving `gap` (a share of a slot) between. */
export function band(count: number, width: number, gap = 0.2): { start: (index: number) => number; size: number; centre: (index: number) => number } {
	const slot = width / Math.max(count, 1);
	const size = slot * (1 - gap);
	return { start: (index) => index * slot + (slot - size) / 2, size, centre: (index) => index * slot + slot / 2 };
}

/** A position in the drawing box as a percentage of it, for an HTML label placed over the drawing. */
export const percent = (value: number, of: number) => `${round((value / of) * 100)}%`;

export interface AxisLabel {
	/** Index of the point (month, week) the label stands under. */
	index: number;
	text: string;
	/** Shown only where the chart is wide enough (a phone keeps the main ones). */
	minor: boolean;
}

/**
 * Labels under a monthly axis: every January as its year (every second or more year when there are many, so that
 * they never crowd a phone's width), and July as a minor label between them.
 */
export function monthLabels(months: string[], formatMonth: (month: string) => string, maxMajor = 8): AxisLabel[] {
	const januaries = months.map((month, index) => ({ month, index })).filter(({ month }) => month.endsWith('-01'));
	const every = Math.max(1, Math.ceil(januaries.length / maxMajor));
	const labels: AxisLabel[] = januaries
		.filter((_, position) => position % every === 0)
		.map(({ month, index }) => ({ index, text: month.slice(0, 4), minor: false }));
	if (every === 1) {
		months.forEach((month, index) => {
			if (month.endsWith('-07')) labels.push({ index, text: formatMonth(month), minor: true });
		});
	}
	if (labels.length === 0 && months.length > 0) labels.push({ index: 0, text: formatMonth(months[0]!), minor: false });
	return labels.sort((a, b) => a.index - b.index);
}

/** Labels under a weekly axis: every `major`-th week always, the others only where there is room. */
export function weekLabels(weeks: string[], major = 4): AxisLabel[] {
	return weeks.map((week, index) => ({
		index,
		text: `${Number(week.slice(5, 7))}/${Number(week.slice(8, 10))}`,
		minor: (weeks.length - 1 - index) % major !== 0
	}));
}
