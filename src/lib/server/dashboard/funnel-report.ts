// The funnel page and its CSV as one report: the grouped tables of funnel.ts added up for a period (the last 12
// months, a school year, or everything), month by month and split by channel, school and ref code; where the funnel
// loses most; the cohorts' retention; and the forecast's pace beside the pace the target needs, with what-ifs.
// The tables are read once per change (or per minute) and shared by every coordinator; adding them up is per request.
import type { Database } from '../db';
import * as audit from '../audit';
import { writeCsv } from '../csv';
import { translate, type MessageKey } from '../i18n';
import { addMonths, japanDate, monthOf, monthsBetween, schoolYearOf } from '../../japan-time';
import { schoolName } from '../membership';
import { computeShared, sharedPagesVersion } from '../caching';
import { membersByMonth } from './aggregates';
import { forecastTarget, paceWindowMonths, scenarioForecast, type Conversion, type Forecast, type Scenario, type Target, type WhatIf } from './forecast';
import { readFunnel, retentionOffsets, type FunnelData } from './funnel';
import { getTarget } from './target';
import { isChannel } from '../../referrals/channels';
import { channelLabel as referralChannelLabel } from '../../referrals/labels';

/** Everything counted at one stage or step of the funnel, for some months and some split. */
export interface FunnelCounts {
	visits: number;
	bookings: number;
	/** Bookings made through a ref-code link (the ones a visit can lead to). */
	bookingsFromLinks: number;
	attended: number;
	attendedApplied: number;
	bookingsApproved: number;
	applications: number;
	applicationsFromTrial: number;
	open: number;
	consented: number;
	approved: number;
	active3: number;
	awaiting3: number;
	active6: number;
	awaiting6: number;
}

const emptyCounts = (): FunnelCounts => ({
	visits: 0,
	bookings: 0,
	bookingsFromLinks: 0,
	attended: 0,
	attendedApplied: 0,
	bookingsApproved: 0,
	applications: 0,
	applicationsFromTrial: 0,
	open: 0,
	consented: 0,
	approved: 0,
	active3: 0,
	awaiting3: 0,
	active6: 0,
	awaiting6: 0
});

/** The stages as the page draws them, top to bottom. */
export const funnelStages = ['visits', 'bookings', 'attended', 'applications', 'consented', 'approved', 'active3', 'active6'] as const;
export type FunnelStage = (typeof funnelStages)[number];

/**
 * A step from one stage to the next, with the share that made it. Trials and applications are two ways in: the step
 * from the trial to the application follows the people who came to a trial, and the 3- and 6-month stages count the
 * approved members whose month has ended.
 */
export interface FunnelStep {
	from: FunnelStage;
	to: FunnelStage;
	reached: number;
	of: number;
	/** null when nobody was at the earlier stage. */
	rate: number | null;
}

export function funnelSteps(counts: FunnelCounts): FunnelStep[] {
	const step = (from: FunnelStage, to: FunnelStage, reached: number, of: number): FunnelStep => ({ from, to, reached, of, rate: of > 0 ? reached / of : null });
	return [
		step('visits', 'bookings', counts.bookingsFromLinks, counts.visits),
		step('bookings', 'attended', counts.attended, counts.bookings),
		step('attended', 'applications', counts.attendedApplied, counts.attended),
		step('applications', 'consented', counts.consented, counts.applications - counts.open),
		step('consented', 'approved', counts.approved, counts.consented),
		step('approved', 'active3', counts.active3, counts.approved - counts.awaiting3),
		step('approved', 'active6', counts.active6, counts.approved - counts.awaiting6)
	];
}

/** The step that keeps the smallest share (the most people lost on a tie), among those anyone reached. */
export function weakestStep(steps: FunnelStep[]): FunnelStep | null {
	const measured = steps.filter((step) => step.rate !== null);
	if (measured.length === 0) return null;
	return measured.reduce((worst, step) =>
		step.rate! < worst.rate! || (step.rate === worst.rate && step.of - step.reached > worst.of - worst.reached) ? step : worst
	);
}

export interface Period {
	/** 'last12', 'all', or 'fy2026' (the school year April 2026 – March 2027). */
	id: string;
	from: string;
	to: string;
}

/** The periods offered: the last 12 months, each school year with data (newest first), and everything. */
export function periodsFor(firstMonth: string, currentMonth: string): Period[] {
	const periods: Period[] = [{ id: 'last12', from: addMonths(currentMonth, -11), to: currentMonth }];
	for (let year = schoolYearOf(`${currentMonth}-01`); year >= schoolYearOf(`${firstMonth}-01`); year--) {
		const to = `${year + 1}-03`;
		periods.push({ id: `fy${year}`, from: `${year}-04`, to: to < currentMonth ? to : currentMonth });
	}
	periods.push({ id: 'all', from: firstMonth < currentMonth ? firstMonth : currentMonth, to: currentMonth });
	return periods;
}

export interface Split {
	key: string;
	/** In the request's language (months stay 'YYYY-MM'; the page formats them). */
	label: string;
	counts: FunnelCounts;
}

export interface CohortRetention {
	month: string;
	members: number;
	/** Per checkpoint: how many were active, and their share; null while that month has not ended. */
	checkpoints: Array<{ offset: number; active: number | null; rate: number | null }>;
}

export interface FunnelReport {
	asOf: string;
	period: Period;
	periods: Period[];
	totals: FunnelCounts;
	steps: FunnelStep[];
	weakest: FunnelStep | null;
	months: Split[];
	byChannel: Split[];
	bySchool: Split[];
	byCode: Split[];
	cohorts: CohortRetention[];
	target: Target;
	forecast: Forecast;
	/** New members per month over the last 24 months, for the pace chart. */
	recentMonths: Array<{ month: string; joined: number }>;
	conversion: Conversion;
	whatIf: WhatIf;
	scenario: Scenario;
}

export interface FunnelSource {
	data: FunnelData;
	months: Array<{ month: string; joined: number; cumulative: number }>;
	target: Target;
}

/** How long the funnel's figures are shared before they are read again (sooner when what they count changes). */
export const funnelMaxAgeMs = 60_000;

/** The funnel's tables as of today, read by this server once per change or minute and shared by every coordinator. */
export async function readFunnelSource(db: Database, now = new Date()): Promise<{ source: FunnelSource; computedAt: Date }> {
	const today = japanDate(now);
	const version = await sharedPagesVersion(db);
	const { value, computedAt } = await computeShared(db, `funnel ${today}`, { maxAgeMs: funnelMaxAgeMs, version, now: now.getTime() }, async () => {
		const [data, months, target] = await Promise.all([readFunnel(db, today), membersByMonth(db, today), getTarget(db)]);
		return { data, months, target };
	});
	return { source: value, computedAt };
}

/** A row of any of the three tables, as the splits see it; visits have no school. */
interface Grouped {
	month: string;
	channel: string;
	school: string | undefined;
	codeId: string | null;
}

function sumBy<Key>(source: FunnelData, inPeriod: (month: string) => boolean, keyOf: (row: Grouped) => Key | undefined): Map<Key, FunnelCounts> {
	const totals = new Map<Key, FunnelCounts>();
	const into = (key: Key | undefined) => {
		if (key === undefined) return undefined;
		let counts = totals.get(key);
		if (!counts) totals.set(key, (counts = emptyCounts()));
		return counts;
	};
	for (const row of source.visits) {
		const counts = inPeriod(row.month) ? into(keyOf({ ...row, school: undefined })) : undefined;
		if (counts) counts.visits += row.visits;
	}
	for (const row of source.bookings) {
		const counts = inPeriod(row.month) ? into(keyOf(row)) : undefined;
		if (!counts) continue;
		counts.bookings += row.bookings;
		if (row.codeId) counts.bookingsFromLinks += row.bookings;
		counts.attended += row.attended;
		counts.attendedApplied += row.attendedApplied;
		counts.bookingsApproved += row.approved;
	}
	for (const row of source.applications) {
		const counts = inPeriod(row.month) ? into(keyOf(row)) : undefined;
		if (!counts) continue;
		counts.applications += row.applications;
		if (row.fromTrial) counts.applicationsFromTrial += row.applications;
		counts.open += row.open;
		counts.consented += row.consented;
		counts.approved += row.approved;
		counts.active3 += row.active3;
		counts.awaiting3 += row.awaiting3;
		counts.active6 += row.active6;
		counts.awaiting6 += row.awaiting6;
	}
	return totals;
}

const sortedSplits = (totals: Map<string, FunnelCounts>, label: (key: string) => string): Split[] =>
	[...totals]
		.map(([key, counts]) => ({ key, label: label(key), counts }))
		.sort((a, b) => b.counts.applications - a.counts.applications || b.counts.bookings - a.counts.bookings || a.label.localeCompare(b.label));

function firstMonthOf(data: FunnelData, fallback: string): string {
	const months = [...data.applications, ...data.bookings, ...data.visits].map((row) => row.month);
	return months.reduce((first, month) => (month < first ? month : first), fallback);
}

/** The funnel for the chosen period and what-if (an unknown period is the last 12 months). */
export function buildFunnelReport(source: FunnelSource, options: { asOf: string; periodId?: string; whatIf?: WhatIf }): FunnelReport {
	const { data } = source;
	const currentMonth = monthOf(options.asOf);
	const periods = periodsFor(firstMonthOf(data, currentMonth), currentMonth);
	const period = periods.find((candidate) => candidate.id === options.periodId) ?? periods[0]!;
	const within = (from: string, to: string) => (month: string) => month >= from && month <= to;
	const inPeriod = within(period.from, period.to);
	const totals = sumBy(data, inPeriod, () => 'all').get('all') ?? emptyCounts();
	const byMonth = sumBy(data, inPeriod, (row) => row.month);
	const months: Split[] = [];
	for (let month = period.from; month <= period.to; month = addMonths(month, 1))
		months.push({ key: month, label: month, counts: byMonth.get(month) ?? emptyCounts() });
	const codes = new Map(data.codes.map((code) => [code.id, code]));
	const steps = funnelSteps(totals);

	// The conversion the what-ifs assume: the last 12 complete months, whatever period is on the screen.
	const recent = sumBy(data, within(addMonths(currentMonth, -paceWindowMonths), addMonths(currentMonth, -1)), () => 'recent').get('recent') ?? emptyCounts();
	const decided = recent.applications - recent.open;
	const conversion: Conversion = {
		bookingToMember: recent.bookings > 0 ? recent.bookingsApproved / recent.bookings : null,
		applicationToMember: decided > 0 ? recent.approved / decided : null
	};
	const forecast = forecastTarget(source.months, source.target, currentMonth);
	const whatIf = options.whatIf ?? { extraBookings: 0, extraApplications: 0 };

	return {
		asOf: options.asOf,
		period,
		periods,
		totals,
		steps,
		weakest: weakestStep(steps),
		months,
		byChannel: sortedSplits(
			sumBy(data, inPeriod, (row) => row.channel),
			channelLabel
		),
		bySchool: sortedSplits(
			sumBy(data, inPeriod, (row) => row.school),
			schoolLabel
		),
		byCode: sortedSplits(
			sumBy(data, inPeriod, (row) => row.codeId ?? undefined),
			(id) => `${codes.get(id)?.name ?? ''}（${codes.get(id)?.code ?? ''}）`
		),
		cohorts: data.cohorts
			.filter((cohort) => inPeriod(cohort.month))
			.map((cohort) => ({
				month: cohort.month,
				members: cohort.members,
				checkpoints: retentionOffsets.map((offset) => {
					const ended = monthsBetween(cohort.month, currentMonth) > offset;
					const active = ended ? cohort.active[offset] : null;
					return { offset, active, rate: active !== null && cohort.members > 0 ? active / cohort.members : null };
				})
			})),
		target: source.target,
		forecast,
		recentMonths: source.months.slice(-24).map((month) => ({ month: month.month, joined: month.joined })),
		conversion,
		whatIf,
		scenario: scenarioForecast(forecast, source.target, currentMonth, conversion, whatIf)
	};
}

/** Month by month and channel, for the CSV (the page shows the two splits separately). */
export function monthChannelCounts(source: FunnelSource, period: Period): Array<{ month: string; channel: string; counts: FunnelCounts }> {
	const inPeriod = (month: string) => month >= period.from && month <= period.to;
	const totals = sumBy(source.data, inPeriod, (row) => `${row.month} ${row.channel}`);
	return [...totals]
		.map(([key, counts]) => {
			const [month, channel] = key.split(' ') as [string, string];
			return { month, channel, counts };
		})
		.sort((a, b) => a.month.localeCompare(b.month) || b.counts.applications - a.counts.applications || a.channel.localeCompare(b.channel));
}

/** The school's name as the dashboard writes it ('other' and 'unknown' in words). */
export function schoolLabel(key: string): string {
	if (key === 'other') return translate('member_school_other');
	if (key === 'unknown') return translate('member_unknown');
	return schoolName(key, null) ?? translate('member_unknown');
}

/** A channel's name ('unknown': the person named none). */
export function channelLabel(key: string): string {
	return isChannel(key) ? referralChannelLabel(key) : translate('funnel_channel_unknown');
}

const percentOf = (reached: number, of: number) => (of > 0 ? Math.round((1000 * reached) / of) / 10 : null);

/** The funnel as CSV: month by month, month by month and channel, by ref code, then the cohorts' retention. */
export function funnelCsv(report: FunnelReport, byMonthAndChannel: ReturnType<typeof monthChannelCounts>): string {
	const t = translate;
	const stageHeaders = funnelStages.map((stage) => t(`funnel_stage_${stage}` as MessageKey));
	const stageValues = (counts: FunnelCounts) => [
		counts.visits,
		counts.bookings,
		counts.attended,
		counts.applications,
		counts.consented,
		counts.approved,
		counts.active3,
		counts.active6,
		percentOf(counts.approved, counts.applications - counts.open)
	];
	const rows: Array<Array<string | number | null>> = [
		[t('funnel_csv_title')],
		[t('dashboard_csv_as_of'), report.asOf],
		[t('funnel_csv_period'), `${report.period.from}〜${report.period.to}`],
		[t('funnel_csv_note')],
		[],
		[t('funnel_csv_by_month')],
		[t('dashboard_col_month'), ...stageHeaders, t('funnel_col_approval_rate')],
		...report.months.map((month) => [month.key, ...stageValues(month.counts)]),
		[t('funnel_total'), ...stageValues(report.totals)],
		[],
		[t('funnel_csv_by_month_channel')],
		[t('dashboard_col_month'), t('funnel_col_channel'), ...stageHeaders, t('funnel_col_approval_rate')]
	];
	rows.push(...byMonthAndChannel.map((row) => [row.month, channelLabel(row.channel), ...stageValues(row.counts)]));
	rows.push([], [t('funnel_by_code')], [t('funnel_col_code'), ...stageHeaders, t('funnel_col_approval_rate')]);
	rows.push(...report.byCode.map((split) => [split.label, ...stageValues(split.counts)]));
	rows.push(
		[],
		[t('funnel_retention_title')],
		[
			t('funnel_col_cohort'),
			t('funnel_col_members'),
			...retentionOffsets.flatMap((offset) => [t('funnel_col_active_after', { months: offset }), t('funnel_col_rate_after', { months: offset })])
		],
		...report.cohorts.map((cohort) => [
			cohort.month,
			cohort.members,
			...cohort.checkpoints.flatMap((checkpoint) => [checkpoint.active, checkpoint.rate === null ? null : Math.round(checkpoint.rate * 1000) / 10])
		])
	);
	return writeCsv(rows);
}

/** Every export is audited, even of counts (a school's or a month's small numbers can point at a child). */
export async function exportFunnel(db: Database, actor: audit.Actor, options: { now?: Date; periodId?: string } = {}): Promise<{ csv: string; asOf: string }> {
	const now = options.now ?? new Date();
	const { source } = await readFunnelSource(db, now);
	const report = buildFunnelReport(source, { asOf: japanDate(now), periodId: options.periodId });
	await audit.record(db, actor, 'funnel_exported', { detail: { asOf: report.asOf, period: report.period.id } });
	return { csv: funnelCsv(report, monthChannelCounts(source, report.period)), asOf: report.asOf };
}

/** What the funnel page shows: the shared tables added up for this period and what-if, and when they were read. */
export async function funnelPage(db: Database, options: { periodId?: string; whatIf?: WhatIf }, now = new Date()) {
	const { source, computedAt } = await readFunnelSource(db, now);
	return { report: buildFunnelReport(source, { asOf: japanDate(now), ...options }), computedAt };
}
