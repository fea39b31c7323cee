// The funnel's stages as the page reads them out of the report's counts, with their names and the shares it shows.
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { AxisLabel } from '$lib/charts/geometry';
import type { FunnelCounts, FunnelStage } from '$lib/server/dashboard';

export const stageLabels: Record<FunnelStage, () => string> = {
	visits: m.funnel_stage_visits,
	bookings: m.funnel_stage_bookings,
	attended: m.funnel_stage_attended,
	applications: m.funnel_stage_applications,
	consented: m.funnel_stage_consented,
	approved: m.funnel_stage_approved,
	active3: m.funnel_stage_active3,
	active6: m.funnel_stage_active6
};

/** The stages of the split tables; visits have no school, so the schools' table leaves them out. */
export const allStages: FunnelStage[] = ['visits', 'bookings', 'attended', 'applications', 'consented', 'approved', 'active3', 'active6'];
export const stagesWithoutVisits = allStages.filter((stage) => stage !== 'visits');

/** '62%' (one decimal under 10%), '' when there is no share to give. */
export function formatRate(rate: number | null): string {
	if (rate === null) return '';
	const digits = rate < 0.1 && rate > 0 ? 1 : 0;
	return new Intl.NumberFormat(getLocale() === 'ja' ? 'ja-JP' : 'en-GB', {
		style: 'percent',
		maximumFractionDigits: digits,
		minimumFractionDigits: digits
	}).format(rate);
}

/** Approved members per decided application, the split tables' last column. */
export function approvalRate(counts: FunnelCounts): number | null {
	const decided = counts.applications - counts.open;
	return decided > 0 ? counts.approved / decided : null;
}

export const formatNumber = (value: number | null) => (value === null ? '' : value.toLocaleString(getLocale()));

/** '2026年11月' / 'Nov 2026'. */
export function formatMonth(month: string): string {
	return new Intl.DateTimeFormat(getLocale() === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
		new Date(`${month}-01T00:00:00Z`)
	);
}

/** '11月' / 'Nov', for axes of a year or two. */
export function formatShortMonth(month: string): string {
	return new Intl.DateTimeFormat(getLocale() === 'ja' ? 'ja-JP' : 'en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** '2026年' / '2026', under January. */
function formatYear(month: string): string {
	return new Intl.DateTimeFormat(getLocale() === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * Labels under a month axis of a year or two: January as its year, and every month (every third over longer spans,
 * counted back from the last) by its name, leaving out those next to a January so that no two labels touch; on a phone
 * only the years and every other (sixth) month remain.
 */
export function monthAxis(months: string[]): AxisLabel[] {
	const long = months.length > 13;
	const isJanuary = (index: number) => months[index]?.endsWith('-01') ?? false;
	return months.flatMap((month, index) => {
		const fromLast = months.length - 1 - index;
		if (isJanuary(index)) return [{ index, text: formatYear(month), minor: false }];
		if ((long && fromLast % 3 !== 0) || isJanuary(index - 1) || isJanuary(index + 1)) return [];
		return [{ index, text: formatShortMonth(month), minor: fromLast % (long ? 6 : 2) !== 0 }];
	});
}
