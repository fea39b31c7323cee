// The coordinators' dashboard as one report object; the page draws it and the KPI CSV writes it, so a number on
// the screen and the same number in the CSV come from the same place.
import type { Database } from '../db';
import * as audit from '../audit';
import { writeCsv } from '../csv';
import { translate, type MessageKey } from '../i18n';
import { japanDate, monthOf } from '../../japan-time';
import { schoolName } from '../membership';
import {
	activityByWeek,
	countAnonymisedMembers,
	countMentors,
	currentMembersByGender,
	currentMembersByGrade,
	currentMembersBySchool,
	membersByMonth,
	membersByStatus,
	type Count,
	type WeekPoint
} from './aggregates';
import { chartMonths, forecastTarget, type ChartMonth, type Forecast, type Target } from './forecast';
import { computeShared } from '../caching';
import { getTarget } from './target';

export interface LabelledCount extends Count {
	label: string;
}

export interface DashboardReport {
	/** 'YYYY-MM-DD' in Japan. */
	asOf: string;
	target: Target;
	forecast: Forecast;
	totals: { cumulative: number; current: number; active: number; paused: number; alumni: number; withdrawn: number; anonymised: number };
	months: ChartMonth[];
	byStatus: LabelledCount[];
	bySchool: LabelledCount[];
	byGrade: LabelledCount[];
	byGender: LabelledCount[];
	mentors: number;
	activity: { available: boolean; weeks: WeekPoint[] };
}

const statusOrder = ['active', 'paused', 'alumni', 'withdrawn'];
const gradeOrder = ['jh1', 'jh2', 'jh3', 'hs1', 'hs2', 'hs3', 'other', 'graduated', 'unknown'];
const genderOrder = ['female', 'male', 'other', 'unanswered', 'unknown'];

function ordered(rows: Count[], order: string[], label: (key: string) => string): LabelledCount[] {
	return [...rows].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)).map((row) => ({ ...row, label: label(row.key) }));
}

const countOf = (rows: Count[], key: string) => rows.find((row) => row.key === key)?.count ?? 0;

export interface ReportOptions {
	/** Reuse this server's weekly-activity figures for up to this long (see cachedActivity). */
	activityCacheMs?: number;
}

/** What the dashboard page and its CSV export use, so both show the same figures. */
export const pageReportOptions: ReportOptions = { activityCacheMs: 60_000 };

// The weekly activity reads every submission of the last 12 weeks (about 300,000 rows at 10,000 members: ~300 ms on
// PostgreSQL), so the CSV export shares the page's once-a-minute computation (caching/shared.ts, per process).
async function cachedActivity(db: Database, asOf: string, maxAgeMs: number | undefined) {
	if (!maxAgeMs) return activityByWeek(db, asOf);
	return (await computeShared(db, `activity ${asOf}`, { maxAgeMs }, () => activityByWeek(db, asOf))).value;
}

/** Labels come in the current request's language (the page's, or the CSV downloader's). */
export async function buildReport(db: Database, now = new Date(), options: ReportOptions = {}): Promise<DashboardReport> {
	const asOf = japanDate(now);
	const [target, months, byStatus, bySchool, byGrade, byGender, anonymised, mentors, activity] = await Promise.all([
		getTarget(db),
		membersByMonth(db, asOf),
		membersByStatus(db),
		currentMembersBySchool(db),
		currentMembersByGrade(db, asOf),
		currentMembersByGender(db),
		countAnonymisedMembers(db),
		countMentors(db),
		cachedActivity(db, asOf, options.activityCacheMs)
	]);
	const currentMonth = monthOf(asOf);
	const forecast = forecastTarget(months, target, currentMonth);
	const active = countOf(byStatus, 'active');
	const paused = countOf(byStatus, 'paused');
	return {
		asOf,
		target,
		forecast,
		totals: {
			cumulative: byStatus.reduce((sum, row) => sum + row.count, 0),
			current: active + paused,
			active,
			paused,
			alumni: countOf(byStatus, 'alumni'),
			withdrawn: countOf(byStatus, 'withdrawn'),
			anonymised
		},
		months: chartMonths(months, target, currentMonth, forecast),
		byStatus: ordered(byStatus, statusOrder, (key) => translate(`member_status_${key}` as MessageKey)),
		bySchool: bySchool.map((row) => ({
			...row,
			label: row.key === 'other' ? translate('member_school_other') : (schoolName(row.key, null) ?? translate('member_unknown'))
		})),
		byGrade: ordered(byGrade, gradeOrder, (key) => translate(key === 'unknown' ? 'member_unknown' : (`member_grade_${key}` as MessageKey))),
		byGender: ordered(byGender, genderOrder, (key) => translate(key === 'unknown' ? 'member_unknown' : (`member_gender_${key}` as MessageKey))),
		mentors,
		activity
	};
}

/** The KPI report as CSV, section by section, with exactly the dashboard's numbers. */
export function reportCsv(report: DashboardReport): string {
	const t = translate;
	const rows: Array<Array<string | number | null>> = [
		[t('dashboard_csv_title')],
		[t('dashboard_csv_as_of'), report.asOf],
		[t('dashboard_cumulative'), report.totals.cumulative],
		[t('dashboard_current_members'), report.totals.current],
		[t('dashboard_target'), report.target.count],
		[t('dashboard_target_date'), report.target.date],
		[t('dashboard_pace'), Math.round(report.forecast.pacePerMonth * 10) / 10],
		[t('dashboard_reach_month'), report.forecast.reachMonth ?? t('dashboard_reach_never')],
		[t('dashboard_on_track_label'), report.forecast.onTrack ? t('dashboard_yes') : t('dashboard_no')],
		[],
		[t('dashboard_months_title')],
		[t('dashboard_col_month'), t('dashboard_col_joined'), t('dashboard_col_cumulative'), t('dashboard_col_target_line'), t('dashboard_col_forecast')],
		...report.months.map((month) => [month.month, month.joined, month.cumulative, month.targetLine, month.forecastLine]),
		[]
	];
	const section = (title: string, entries: LabelledCount[]) => {
		rows.push([title], [t('dashboard_col_category'), t('dashboard_col_count')], ...entries.map((entry) => [entry.label, entry.count]), []);
	};
	section(t('dashboard_by_status'), report.byStatus);
	section(t('dashboard_by_school'), report.bySchool);
	section(t('dashboard_by_grade'), report.byGrade);
	section(t('dashboard_by_gender'), report.byGender);
	rows.push([t('dashboard_activity_title')], [t('dashboard_col_week'), t('dashboard_col_active_students'), t('dashboard_col_submissions')]);
	rows.push(...report.activity.weeks.map((week) => [week.week, week.activeStudents, week.submissions]));
	rows.push([], [t('dashboard_mentors'), report.mentors]);
	return writeCsv(rows);
}

/** Every export is audited, even of aggregate numbers (the school breakdown can point at a person). */
export async function exportReport(db: Database, actor: audit.Actor, now = new Date(), options: ReportOptions = {}): Promise<{ csv: string; asOf: string }> {
	const report = await buildReport(db, now, options);
	await audit.record(db, actor, 'kpi_exported', { detail: { asOf: report.asOf } });
	return { csv: reportCsv(report), asOf: report.asOf };
}
