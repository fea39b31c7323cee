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

/** How many of those who book a trial, or who apply, become members: the recent conversion the what-ifs assume. */
export interface Conversion {
	/** Approved members per trial booking; null when no trial was booked in the window. */
	bookingToMember: number | null;
	/** Approved members per decided application (still-open ones left out); null when none was decided. */
	applicationToMember: number | null;
}

/** "What if we had this many more trial bookings / applications a month, converting as they do now?" */
export interface WhatIf {
	extraBookings: number;
	extraApplications: number;
}

export interface Scenario {
	/** New members a month the extra bookings and applications would add. */
	addedPerMonth: number;
	pacePerMonth: number;
	reachMonth: string | null;
	onTrack: boolean;
	/** Extra bookings (applications) a month that alone would bring the pace to the one needed; 0 when on pace already. */
	bookingsNeeded: number | null;
	applicationsNeeded: number | null;
}

function extraNeeded(gap: number | null, perUnit: number | null): number | null {
	if (gap === null) return null;
	if (gap <= 0) return 0;
	return perUnit ? Math.ceil(gap / perUnit - 1e-9) : null;
}

/** The forecast again at the pace the what-if would give; the cumulative count it starts from is the forecast's own. */
export function scenarioForecast(forecast: Forecast, target: Target, currentMonth: string, conversion: Conversion, whatIf: WhatIf): Scenario {
	const addedPerMonth = whatIf.extraBookings * (conversion.bookingToMember ?? 0) + whatIf.extraApplications * (conversion.applicationToMember ?? 0);
	const pacePerMonth = forecast.pacePerMonth + addedPerMonth;
	const gap = forecast.neededPerMonth === null ? null : forecast.neededPerMonth - forecast.pacePerMonth;
	const needed = { bookingsNeeded: extraNeeded(gap, conversion.bookingToMember), applicationsNeeded: extraNeeded(gap, conversion.applicationToMember) };
	if (forecast.reached) return { addedPerMonth, pacePerMonth, reachMonth: forecast.reachMonth, onTrack: true, ...needed };
	const reachMonth = pacePerMonth > 0 ? addMonths(currentMonth, Math.ceil((target.count - forecast.current) / pacePerMonth)) : null;
	return { addedPerMonth, pacePerMonth, reachMonth, onTrack: reachMonth !== null && reachMonth <= monthOf(target.date), ...needed };
}
