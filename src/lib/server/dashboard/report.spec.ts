import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { selectRows } from '../db';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import { parseCsv } from '../csv';
import { auditEvents } from '../audit/schema';
import { anonymiseMember } from '../membership/privacy';
import { insertMember } from '../membership/testing';
import { buildReport, exportReport, reportCsv } from './report';
import { setTarget } from './target';

// 2026-11-30 noon in Japan: school year 2026.
const now = new Date('2026-11-30T03:00:00Z');

describeEachDatabase('the dashboard against a roster with known counts', (connection) => {
	const db = () => connection().db;
	let staff: { id: string; displayName: string };

	beforeAll(async () => {
		const user = await createUser(db(), { roles: ['coordinator'] });
		staff = { id: user.id, displayName: user.displayName };
		await insertMember(db(), { joinedOn: '2023-04-10', grade: 'jh1', gender: 'female' });
		await insertMember(db(), { joinedOn: '2023-04-20', grade: 'hs3', gender: 'male', status: 'alumni', statusChangedOn: '2024-03-31' });
		const anonymised = await insertMember(db(), { joinedOn: '2023-04-25', grade: 'jh2', gender: 'female' });
		await insertMember(db(), {
			joinedOn: '2023-10-01',
			schoolCode: 'other',
			schoolOther: '能登の中学校',
			grade: 'jh3',
			gender: 'unanswered',
			status: 'paused',
			statusChangedOn: '2026-05-01'
		});
		await insertMember(db(), { joinedOn: '2023-10-15', grade: 'jh2', gender: 'male' });
		await insertMember(db(), { joinedOn: '2024-06-01', status: 'withdrawn', statusChangedOn: '2025-01-15' });
		await insertMember(db(), { joinedOn: '2025-12-01', schoolCode: 'pref-izumigaoka', grade: 'hs1', gender: 'female' });
		await insertMember(db(), { joinedOn: '2025-12-20', grade: 'jh1', gender: 'other' });
		await insertMember(db(), { joinedOn: '2026-11-03', grade: 'jh1', gender: 'female' });
		expect(await anonymiseMember(db(), staff, anonymised.id, now)).toEqual({ ok: true });
	});

	it('counts everyone ever approved by join month, alumni, withdrawn and anonymised members included', async () => {
		const report = await buildReport(db(), now);
		expect(report.asOf).toBe('2026-11-30');
		expect(report.totals).toEqual({ cumulative: 9, current: 6, active: 5, paused: 1, alumni: 1, withdrawn: 2, anonymised: 1 });
		const actual = report.months.filter((month) => month.cumulative !== null);
		expect(actual[0]).toMatchObject({ month: '2023-04', joined: 3, cumulative: 3 });
		expect(actual.find((month) => month.month === '2023-09')).toMatchObject({ joined: 0, cumulative: 3 });
		expect(actual.find((month) => month.month === '2023-12')).toMatchObject({ cumulative: 5, targetLine: 5 });
		expect(actual.find((month) => month.month === '2025-12')).toMatchObject({ joined: 2, cumulative: 8 });
		expect(actual.at(-1)).toMatchObject({ month: '2026-11', joined: 1, cumulative: 9 });
		expect(actual).toHaveLength(44);
		expect(report.months.at(-1)).toMatchObject({ month: '2027-12', cumulative: null, targetLine: 160 });
	});

	it('breaks the current members down by school, today’s grade and gender, and everyone by status', async () => {
		const report = await buildReport(db(), now);
		const plain = (rows: Array<{ key: string; count: number }>) => Object.fromEntries(rows.map((row) => [row.key, row.count]));
		expect(plain(report.byStatus)).toEqual({ active: 5, paused: 1, alumni: 1, withdrawn: 2 });
		expect(plain(report.bySchool)).toEqual({ 'k-kenroku': 4, other: 1, 'pref-izumigaoka': 1 });
		expect(report.bySchool[0]).toMatchObject({ key: 'k-kenroku', label: '金沢市立兼六中学校' });
		// Recorded in school year 2023 as 中1 is 高1 in 2026; the 2023 中3 who paused is 高3.
		expect(plain(report.byGrade)).toEqual({ jh1: 1, jh2: 1, hs1: 1, hs2: 2, hs3: 1 });
		expect(plain(report.byGender)).toEqual({ female: 3, male: 1, other: 1, unanswered: 1 });
	});

	it('forecasts from the last 12 complete months', async () => {
		const { forecast } = await buildReport(db(), now);
		expect(forecast).toMatchObject({ current: 9, paceMonths: 12, reached: false, onTrack: false });
		expect(forecast.pacePerMonth).toBeCloseTo(2 / 12);
		expect(forecast.neededPerMonth).toBeCloseTo(151 / 13);
	});

	it('writes exactly the dashboard’s numbers to the KPI CSV, and audits the export', async () => {
		const report = await buildReport(db(), now);
		const rows = parseCsv(reportCsv(report));
		const value = (label: string) => rows.find((row) => row[0] === label)?.[1];
		expect(value('累計の部員数')).toBe('9');
		expect(value('在籍中の部員（活動中＋休部中）')).toBe('6');
		expect(value('目標')).toBe('160');
		const monthRows = rows.filter((row) => /^\d{4}-\d{2}$/.test(row[0] ?? ''));
		expect(monthRows).toHaveLength(report.months.length);
		for (const [index, month] of report.months.entries()) {
			expect(monthRows[index]).toEqual([
				month.month,
				String(month.joined ?? ''),
				String(month.cumulative ?? ''),
				String(month.targetLine ?? ''),
				String(month.forecastLine ?? '')
			]);
		}
		for (const entry of [...report.byStatus, ...report.bySchool, ...report.byGrade, ...report.byGender]) {
			expect(rows.some((row) => row[0] === entry.label && row[1] === String(entry.count))).toBe(true);
		}
		const { csv } = await exportReport(db(), staff, now);
		expect(csv).toBe(reportCsv(report));
		const events = await db().select().from(auditEvents).where(eq(auditEvents.action, 'kpi_exported'));
		expect(events).toMatchObject([{ actorId: staff.id, detail: { asOf: '2026-11-30' } }]);
	});

	it('moves the target line when coordinators change the target, and refuses a date before the baseline', async () => {
		expect(await setTarget(db(), staff, { count: 200, date: '2028-03-31' })).toEqual({ ok: true });
		const report = await buildReport(db(), now);
		expect(report.target).toMatchObject({ count: 200, date: '2028-03-31' });
		expect(report.months.at(-1)).toMatchObject({ month: '2028-03', targetLine: 200 });
		expect(await setTarget(db(), staff, { count: 200, date: '2023-01-01' })).toEqual({ ok: false, problem: 'dashboard_error_target_date' });
		expect(await setTarget(db(), staff, { count: 160, date: '2027-12-31' })).toEqual({ ok: true });
	});

	it('counts active students and submissions per Japanese week once the judge’s table exists', async () => {
		const [table] = await selectRows<{ exists: boolean }>(db(), sql`select to_regclass('public.submissions') is not null as exists`);
		if (!table?.exists) {
			const report = await buildReport(db(), now);
			expect(report.activity.available).toBe(false);
			expect(report.activity.weeks.every((week) => week.activeStudents === 0 && week.submissions === 0)).toBe(true);
			return;
		}
		const student = await createUser(db(), { roles: ['student'] });
		const [exercise] = await selectRows<{ id: string }>(
			db(),
			sql`insert into exercises (slug, title_ja, title_en, statement_ja, statement_en) values ('dashboard-probe', 't', 't', 's', 's') returning id`
		);
		const submit = (userId: string, mode: 'run' | 'submit', at: string) =>
			db().execute(sql`insert into submissions (user_id, exercise_id, language, source, mode, created_at)
				values (${userId}, ${exercise!.id}, 'python', 'print(1)', ${mode}, ${at}::timestamptz)`);
		await submit(student.id, 'submit', '2026-11-24T01:00:00Z');
		await submit(student.id, 'run', '2026-11-25T01:00:00Z');
		// Sunday 23:30 in Japan belongs to the week of the 23rd; Monday 00:30 in Japan to the week of the 30th.
		await submit(student.id, 'submit', '2026-11-29T14:30:00Z');
		await submit(student.id, 'submit', '2026-11-29T15:30:00Z');
		// Coordinators trying an exercise are not student activity.
		await submit(staff.id, 'submit', '2026-11-24T02:00:00Z');
		const report = await buildReport(db(), now);
		expect(report.activity.available).toBe(true);
		expect(report.activity.weeks).toHaveLength(12);
		expect(report.activity.weeks.slice(-2)).toEqual([
			{ week: '2026-11-23', activeStudents: 1, submissions: 2 },
			{ week: '2026-11-30', activeStudents: 1, submissions: 1 }
		]);
		expect(report.activity.weeks.slice(0, -2).every((week) => week.activeStudents === 0 && week.submissions === 0)).toBe(true);
	});
});
