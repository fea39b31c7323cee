// The forecast the city asks for: at the recent pace, when does the club reach its target, and is it on track?
// Deliberately simple to explain: the average of new members per month over the last 12 complete months.
import { addMonths, monthOf, monthsBetween } from '../../japan-time';

export interface MonthPoint {
	month: string;
	joined: number;
	cumulative: number;
}

export interface Target {
	count: number;
	/** 'YYYY-MM-DD' */
	date: string;
	/** Where the target line starts ('YYYY-MM-DD'). */
	baselineDate: string;
}

export interface Forecast {
	current: number;
	/** New members per month over the recent window. */
	pacePerMonth: number;
	/** How many complete months the pace is averaged over (at most 12). */
	paceMonths: number;
	/** The month the target is (or was) reached; null when the pace never gets there. */
	reachMonth: string | null;
	reached: boolean;
	onTrack: boolean;
	/** New members per month needed from now to reach the target by its date; null once reached or past. */
	neededPerMonth: number | null;
}

export const paceWindowMonths = 12;

/** `months` runs up to and including the current month (which may be incomplete). */
export function forecastTarget(months: readonly MonthPoint[], target: Target, currentMonth: string): Forecast {
	const current = months.at(-1)?.cumulative ?? 0;
	const targetMonth = monthOf(target.date);
	const complete = months.filter((point) => point.month < currentMonth).slice(-paceWindowMonths);
	const paceMonths = complete.length;
	const pacePerMonth = paceMonths ? complete.reduce((sum, point) => sum + point.joined, 0) / paceMonths : 0;
	const remainingMonths = monthsBetween(currentMonth, targetMonth);

	if (current >= target.count) {
		const reachMonth = months.find((point) => point.cumulative >= target.count)?.month ?? currentMonth;
		return { current, pacePerMonth, paceMonths, reachMonth, reached: true, onTrack: true, neededPerMonth: null };
	}
	const reachMonth = pacePerMonth > 0 ? addMonths(currentMonth, Math.ceil((target.count - current) / pacePerMonth)) : null;
	return {
		current,
		pacePerMonth,
		paceMonths,
		reachMonth,
		reached: false,
		onTrack: reachMonth !== null && reachMonth <= targetMonth,
		neededPerMonth: remainingMonths > 0 ? (target.count - current) / remainingMonths : null
	};
}

export interface ChartMonth {
	month: string;
	/** Null for months still to come. */
	cumulative: number | null;
	joined: number | null;
	/** The straight line from the baseline to the target; null outside it. */
	targetLine: number | null;
	/** The recent pace carried forward from the current month; null before it. */
	forecastLine: number | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Month by month from the first join to the target month (or today, if later): actual, target line and forecast. */
export function chartMonths(months: readonly MonthPoint[], target: Target, currentMonth: string, forecast: Forecast): ChartMonth[] {
	if (months.length === 0) return [];
	const baselineMonth = monthOf(target.baselineDate);
	const targetMonth = monthOf(target.date);
	const baselineCount = months.filter((point) => point.month <= baselineMonth).at(-1)?.cumulative ?? 0;
	const span = monthsBetween(baselineMonth, targetMonth);
	const lastMonth = targetMonth > currentMonth ? targetMonth : currentMonth;
	const byMonth = new Map(months.map((point) => [point.month, point]));
	const result: ChartMonth[] = [];
	for (let month = months[0]!.month; month <= lastMonth; month = addMonths(month, 1)) {
		const actual = byMonth.get(month);
		const sinceBaseline = monthsBetween(baselineMonth, month);
		const aheadOfNow = monthsBetween(currentMonth, month);
		result.push({
			month,
			cumulative: actual?.cumulative ?? null,
			joined: actual?.joined ?? null,
			targetLine:
				span > 0 && sinceBaseline >= 0 && sinceBaseline <= span ? round1(baselineCount + ((target.count - baselineCount) * sinceBaseline) / span) : null,
			forecastLine: aheadOfNow >= 0 && !forecast.reached ? round1(forecast.current + forecast.pacePerMonth * aheadOfNow) : null
		});
	}
	return result;
}
