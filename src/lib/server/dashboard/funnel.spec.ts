// The funnel's numbers on a small club counted by hand (the comments beside each applicant say what it adds), on PGlite
// and PostgreSQL; the CSV as Excel in Japan reads it; and the export in the audit log.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import { parseCsv } from '../csv';
import { auditEvents } from '../audit/schema';
import { anonymiseMember } from '../membership/privacy';
import { insertMember } from '../membership/testing';
import { readFunnel } from './funnel';
import { buildFunnelReport, exportFunnel, funnelCsv, monthChannelCounts, type FunnelCounts } from './funnel-report';
import { membersByMonth } from './aggregates';
import { getTarget } from './target';
import { insertApplicant, insertBooking, insertReferralCode, recordSession, recordSubmitDay, recordVisits } from './testing';

// 2026-11-30 noon in Japan.
const now = new Date('2026-11-30T03:00:00Z');
const today = '2026-11-30';

describeEachDatabase('the funnel on a club counted by hand', (connection) => {
	const db = () => connection().db;
	let staff: { id: string; displayName: string };

	beforeAll(async () => {
		const user = await createUser(db(), { roles: ['coordinator'] });
		staff = { id: user.id, displayName: user.displayName };
		const consent = (at: string) => ({ consentAt: at });

		// Two ref codes; a coordinator named one like a spreadsheet formula.
		const flyer = await insertReferralCode(db(), { code: 'flyer-izumi', name: '=HYPERLINK("http://evil.example")', channel: 'flyer' });
		const koho = await insertReferralCode(db(), { code: 'koho-2026', name: '広報かなざわ 6月号', channel: 'koho_kanazawa' });
		// Visits: 40 in May and 5 in June for the flyer, 20 in June for 広報かなざわ; October 2025 is before the last 12
		// months, and tomorrow is not counted yet.
		await recordVisits(db(), flyer, '2026-05-03', 30);
		await recordVisits(db(), flyer, '2026-05-20', 10);
		await recordVisits(db(), flyer, '2026-06-01', 5);
		await recordVisits(db(), koho, '2026-06-10', 20);
		await recordVisits(db(), koho, '2025-10-01', 7);
		await recordVisits(db(), flyer, '2026-12-01', 99);
		// Trial bookings: three in May, two in June (one made at 00:30 on 1 June in Japan).
		// Through the flyer's link, came, then applied and was approved (the May applicant below).
		const flyerBooking = await insertBooking(db(), { createdAt: '2026-05-04T01:00:00Z', codeId: flyer, attended: true });
		// Through the flyer's link, but named a friend as the channel; came, did not apply.
		await insertBooking(db(), { createdAt: '2026-05-05T01:00:00Z', codeId: flyer, channel: 'friend', school: 'pref-izumigaoka', attended: true });
		// A teacher told them; cancelled.
		await insertBooking(db(), { createdAt: '2026-05-06T01:00:00Z', channel: 'teacher', status: 'cancelled' });
		// Through 広報かなざわ's link; came and applied (the June applicant below); its personal data since erased.
		const kohoBooking = await insertBooking(db(), { createdAt: '2026-05-31T15:30:00Z', codeId: koho, school: null, attended: true });
		// No code, no channel; did not come.
		await insertBooking(db(), { createdAt: '2026-06-02T01:00:00Z' });

		// 2025-11: approved, never active. Outside the last 12 months.
		await insertApplicant(db(), { sentAt: '2025-11-20T01:00:00Z', status: 'approved', ...consent('2025-11-22T01:00:00Z'), joinedOn: '2025-11-25' });

		// 2025-12: three applications, two approved.
		// Joined December: active in March (3 months after) and June (6 months after).
		const december = await insertApplicant(db(), {
			sentAt: '2025-12-10T01:00:00Z',
			status: 'approved',
			channel: 'teacher',
			...consent('2025-12-11T01:00:00Z'),
			joinedOn: '2025-12-15'
		});
		await recordSubmitDay(db(), december.userId, '2026-03-10');
		await recordSubmitDay(db(), december.userId, '2026-06-01');
		// Joined in January: a check-in at 00:30 on 1 April in Japan is April's (3 months after), one at 00:30 on 1 July is
		// July's (6 months after); signing up in February without coming is not activity.
		const january = await insertApplicant(db(), {
			sentAt: '2025-12-12T01:00:00Z',
			status: 'approved',
			...consent('2025-12-20T01:00:00Z'),
			joinedOn: '2026-01-05'
		});
		await recordSession(db(), january.userId, '2026-03-31T15:30:00Z');
		await recordSession(db(), january.userId, '2026-06-30T15:30:00Z');
		await recordSession(db(), january.userId, '2026-02-14T04:00:00Z', { checkedIn: false });
		// Rejected after the guardian consented; a school typed in.
		await insertApplicant(db(), {
			sentAt: '2025-12-20T01:00:00Z',
			status: 'rejected',
			...consent('2025-12-21T01:00:00Z'),
			school: 'other',
			schoolOther: '能登の中学校'
		});

		// 2026-05: four applications, two approved.
		// Joined May: active in June (1 month after); a check-in at 23:30 on 31 July in Japan is July's, not August's; coming
		// as a mentor is not a student's activity.
		const may = await insertApplicant(db(), {
			sentAt: '2026-05-10T01:00:00Z',
			status: 'approved',
			...consent('2026-05-12T01:00:00Z'),
			joinedOn: '2026-05-20',
			channel: 'flyer',
			codeId: flyer,
			bookingId: flyerBooking
		});
		await recordSubmitDay(db(), may.userId, '2026-06-15');
		await recordSession(db(), may.userId, '2026-07-31T14:30:00Z');
		await recordSession(db(), may.userId, '2026-08-08T04:00:00Z', { role: 'mentor' });
		await insertApplicant(db(), { sentAt: '2026-05-15T01:00:00Z', status: 'consent_declined', ...consent('2026-05-16T01:00:00Z') });
		await insertApplicant(db(), { sentAt: '2026-05-20T01:00:00Z', status: 'awaiting_consent' });
		// Approved, then erased on request: still counted, no longer seen active, school unknown.
		const erased = await insertApplicant(db(), {
			sentAt: '2026-05-25T01:00:00Z',
			status: 'approved',
			...consent('2026-05-26T01:00:00Z'),
			joinedOn: '2026-05-28'
		});
		await recordSubmitDay(db(), erased.userId, '2026-06-10');
		expect(await anonymiseMember(db(), staff, erased.memberId!, now)).toEqual({ ok: true });

		// 2026-06: sent at 00:30 on 1 June in Japan (31 May in UTC). Joined June: a check-in at 00:30 on 1 September in Japan is
		// September's (3 months after).
		const june = await insertApplicant(db(), {
			sentAt: '2026-05-31T15:30:00Z',
			status: 'approved',
			...consent('2026-06-01T01:00:00Z'),
			school: 'pref-izumigaoka',
			joinedOn: '2026-06-03',
			codeId: koho,
			bookingId: kohoBooking
		});
		await recordSession(db(), june.userId, '2026-08-31T15:30:00Z');

		// 2026-10: consented, then withdrawn by the applicant.
		await insertApplicant(db(), { sentAt: '2026-10-05T01:00:00Z', status: 'cancelled', ...consent('2026-10-06T01:00:00Z'), school: 'pref-izumigaoka' });
		// 2026-11: consented, waiting for a coordinator.
		await insertApplicant(db(), { sentAt: '2026-11-02T01:00:00Z', status: 'awaiting_review', ...consent('2026-11-03T01:00:00Z') });

		// A member from the paper roster: in the cumulative count, not in the funnel or the cohorts.
		await insertMember(db(), { joinedOn: '2026-05-02' });
	});

	const report = async (periodId?: string, whatIf?: { extraBookings: number; extraApplications: number }) => {
		const source = { data: await readFunnel(db(), today), months: await membersByMonth(db(), today), target: await getTarget(db()) };
		return { source, report: buildFunnelReport(source, { asOf: today, periodId, whatIf }) };
	};
	const stages = (counts: FunnelCounts) => ({
		applications: counts.applications,
		open: counts.open,
		consented: counts.consented,
		approved: counts.approved,
		active3: counts.active3,
		awaiting3: counts.awaiting3,
		active6: counts.active6,
		awaiting6: counts.awaiting6
	});

	it('counts each month’s applications and follows them through consent, approval and 3 and 6 months', async () => {
		const { report: last12 } = await report();
		expect(last12.period).toEqual({ id: 'last12', from: '2025-12', to: '2026-11' });
		expect(last12.months.map((month) => month.key)).toHaveLength(12);
		const month = (key: string) => stages(last12.months.find((row) => row.key === key)!.counts);
		expect(month('2025-12')).toEqual({ applications: 3, open: 0, consented: 3, approved: 2, active3: 2, awaiting3: 0, active6: 2, awaiting6: 0 });
		expect(month('2026-05')).toEqual({ applications: 4, open: 1, consented: 2, approved: 2, active3: 0, awaiting3: 0, active6: 0, awaiting6: 2 });
		expect(month('2026-06')).toEqual({ applications: 1, open: 0, consented: 1, approved: 1, active3: 1, awaiting3: 0, active6: 0, awaiting6: 1 });
		expect(month('2026-10')).toEqual({ applications: 1, open: 0, consented: 1, approved: 0, active3: 0, awaiting3: 0, active6: 0, awaiting6: 0 });
		expect(month('2026-11')).toEqual({ applications: 1, open: 1, consented: 1, approved: 0, active3: 0, awaiting3: 0, active6: 0, awaiting6: 0 });
		expect(month('2026-01')).toEqual({ applications: 0, open: 0, consented: 0, approved: 0, active3: 0, awaiting3: 0, active6: 0, awaiting6: 0 });
		expect(stages(last12.totals)).toEqual({ applications: 10, open: 2, consented: 8, approved: 5, active3: 3, awaiting3: 0, active6: 2, awaiting6: 3 });
	});

	it('gives each step’s share and names the one that loses most', async () => {
		const { report: last12 } = await report();
		const step = (from: string, to: string) => last12.steps.find((candidate) => candidate.from === from && candidate.to === to)!;
		expect(step('applications', 'consented')).toMatchObject({ reached: 8, of: 8, rate: 1 });
		expect(step('consented', 'approved')).toMatchObject({ reached: 5, of: 8, rate: 5 / 8 });
		expect(step('approved', 'active3')).toMatchObject({ reached: 3, of: 5, rate: 3 / 5 });
		// Three of the five approved are not 6 months in yet: 2 of 2.
		expect(step('approved', 'active6')).toMatchObject({ reached: 2, of: 2, rate: 1 });
		// The trial's side: 3 of 65 link visits booked, 3 of 5 bookings came, 2 of the 3 applied.
		expect(step('visits', 'bookings')).toMatchObject({ reached: 3, of: 65 });
		expect(step('bookings', 'attended')).toMatchObject({ reached: 3, of: 5, rate: 3 / 5 });
		expect(step('attended', 'applications')).toMatchObject({ reached: 2, of: 3 });
		expect(last12.totals).toMatchObject({ visits: 65, bookings: 5, bookingsFromLinks: 3, attended: 3, bookingsApproved: 2, applicationsFromTrial: 2 });
		expect(last12.weakest).toMatchObject({ from: 'visits', to: 'bookings' });
	});

	it('counts visits and trial bookings by month, and splits the funnel by channel and by ref code', async () => {
		const { report: last12 } = await report();
		const trials = (key: string) => {
			const { visits, bookings, attended } = last12.months.find((row) => row.key === key)!.counts;
			return { visits, bookings, attended };
		};
		expect(trials('2026-05')).toEqual({ visits: 40, bookings: 3, attended: 2 });
		expect(trials('2026-06')).toEqual({ visits: 25, bookings: 2, attended: 1 });
		const byChannel = Object.fromEntries(
			last12.byChannel.map((split) => [
				split.label,
				[split.counts.visits, split.counts.bookings, split.counts.attended, split.counts.applications, split.counts.approved]
			])
		);
		// A booking or application without a channel takes its ref code's; one that names a channel keeps it.
		expect(byChannel).toEqual({
			チラシ: [45, 1, 1, 1, 1],
			友だち: [0, 1, 1, 0, 0],
			学校の先生: [0, 1, 0, 1, 1],
			広報かなざわ: [20, 1, 1, 1, 1],
			未回答: [0, 1, 0, 7, 2]
		});
		const byCode = Object.fromEntries(
			last12.byCode.map((split) => [
				split.label,
				[split.counts.visits, split.counts.bookings, split.counts.attended, split.counts.applications, split.counts.approved]
			])
		);
		expect(byCode).toEqual({
			'=HYPERLINK("http://evil.example")（flyer-izumi）': [45, 2, 2, 1, 1],
			'広報かなざわ 6月号（koho-2026）': [20, 1, 1, 1, 1]
		});
	});

	it('adds up other periods: everything, and a school year', async () => {
		expect(stages((await report('all')).report.totals)).toMatchObject({ applications: 11, approved: 6, active3: 3 });
		const { report: schoolYear } = await report('fy2025');
		expect(schoolYear.period).toEqual({ id: 'fy2025', from: '2025-04', to: '2026-03' });
		expect(stages(schoolYear.totals)).toMatchObject({ applications: 4, consented: 4, approved: 3 });
		expect(schoolYear.periods.map((period) => period.id)).toEqual(['last12', 'fy2026', 'fy2025', 'all']);
		// A period nobody offered is the last 12 months.
		expect((await report('fy1999')).report.period.id).toBe('last12');
	});

	it('splits by school: typed-in schools as “other”, erased ones as unknown', async () => {
		const { report: last12 } = await report();
		const bySchool = Object.fromEntries(
			last12.bySchool.map((split) => [split.key, [split.counts.bookings, split.counts.applications, split.counts.approved, split.counts.visits]])
		);
		// Visits have no school.
		expect(bySchool).toEqual({ 'k-kenroku': [3, 6, 3, 0], 'pref-izumigaoka': [1, 2, 1, 0], other: [0, 1, 0, 0], unknown: [1, 1, 1, 0] });
		expect(last12.bySchool[0]).toMatchObject({ key: 'k-kenroku', label: '金沢市立兼六中学校' });
	});

	it('follows monthly cohorts of members who joined through an application', async () => {
		const { report: all } = await report('all');
		const cohorts = Object.fromEntries(
			all.cohorts.map((cohort) => [cohort.month, [cohort.members, ...cohort.checkpoints.map((checkpoint) => checkpoint.active)]])
		);
		expect(cohorts).toEqual({
			'2025-11': [1, 0, 0, 0],
			'2025-12': [1, 0, 1, 1],
			'2026-01': [1, 0, 1, 1],
			// The erased member stays in May's cohort; November (6 months after May) has not ended.
			'2026-05': [2, 1, 0, null],
			'2026-06': [1, 0, 1, null]
		});
		expect(all.cohorts.find((cohort) => cohort.month === '2026-05')!.checkpoints[0]).toEqual({ offset: 1, active: 1, rate: 0.5 });
	});

	it('puts the pace the target needs beside the actual pace, with what-ifs at today’s conversion', async () => {
		const { report: plain } = await report();
		// 7 members (the roster's one included) joined in the 12 complete months up to October 2026.
		expect(plain.forecast).toMatchObject({ current: 7, paceMonths: 12, onTrack: false });
		expect(plain.forecast.pacePerMonth).toBeCloseTo(7 / 12);
		expect(plain.forecast.neededPerMonth).toBeCloseTo(153 / 13);
		// 2025-11 to 2026-10: 10 applications, 1 still open, 6 approved.
		expect(plain.conversion.applicationToMember).toBeCloseTo(6 / 9);
		expect(plain.scenario).toMatchObject({ addedPerMonth: 0, reachMonth: plain.forecast.reachMonth, onTrack: false });
		// 5 trial bookings, 2 of which became members.
		expect(plain.conversion.bookingToMember).toBeCloseTo(2 / 5);
		// (153/13 − 7/12) ÷ (2/3) = 16.8: 17 more applications a month, or ÷ 0.4 = 27.96: 28 more bookings.
		expect(plain.scenario).toMatchObject({ applicationsNeeded: 17, bookingsNeeded: 28 });
		const { report: trials } = await report(undefined, { extraBookings: 2, extraApplications: 0 });
		expect(trials.scenario.addedPerMonth).toBeCloseTo(0.8);

		const { report: more } = await report(undefined, { extraBookings: 0, extraApplications: 3 });
		expect(more.scenario.addedPerMonth).toBeCloseTo(2);
		expect(more.scenario.pacePerMonth).toBeCloseTo(7 / 12 + 2);
		// 153 ÷ 2.583 = 59.2: 60 months after November 2026.
		expect(more.scenario).toMatchObject({ reachMonth: '2031-11', onTrack: false });
		const { report: enough } = await report(undefined, { extraBookings: 0, extraApplications: 17 });
		expect(enough.scenario.onTrack).toBe(true);
	});

	it('writes the funnel as CSV for Excel in Japan: BOM, Japanese headers, the page’s numbers', async () => {
		const { source, report: last12 } = await report();
		const csv = funnelCsv(last12, monthChannelCounts(source, last12.period));
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toContain('\r\n');
		const rows = parseCsv(csv);
		const header = rows.find((row) => row[0] === '月' && row.includes('入部申込'))!;
		expect(header).toEqual(
			expect.arrayContaining(['紹介リンクへの訪問', '体験会の予約', '体験会に参加', '保護者の同意', '承認（入部）', '3か月後も活動', '6か月後も活動', '承認率'])
		);
		const column = (name: string) => header.indexOf(name);
		const may = rows.find((row) => row[0] === '2026-05' && row.length === header.length)!;
		expect([may[column('入部申込')], may[column('保護者の同意')], may[column('承認（入部）')], may[column('承認率')]]).toEqual(['4', '2', '2', '66.7']);
		const total = rows.find((row) => row[0] === '合計')!;
		expect(total[column('入部申込')]).toBe('10');
		const unknownChannel = rows.filter((row) => row[1] === '未回答');
		expect(unknownChannel.map((row) => row[0])).toEqual(['2025-12', '2026-05', '2026-06', '2026-10', '2026-11']);
		expect(rows.find((row) => row[0] === '2026-05' && row[1] === '未回答')!.slice(2, 8)).toEqual(['0', '0', '0', '3', '1', '1']);
		expect(rows.find((row) => row[0] === '2026-05' && row[1] === 'チラシ')!.slice(2, 8)).toEqual(['40', '1', '1', '1', '1', '1']);
		// A name a spreadsheet would run as a formula is written as text.
		expect(rows.some((row) => row[0] === `'=HYPERLINK("http://evil.example")（flyer-izumi）` && row[1] === '45')).toBe(true);
		expect(rows.some((row) => row.some((cell) => cell.startsWith('=')))).toBe(false);
	});

	it('audits the export with its date and period', async () => {
		const { csv, asOf } = await exportFunnel(db(), staff, { now, periodId: 'fy2025' });
		expect(asOf).toBe(today);
		expect(parseCsv(csv).find((row) => row[0] === '期間')?.[1]).toBe('2025-04〜2026-03');
		const events = await db().select().from(auditEvents).where(eq(auditEvents.action, 'funnel_exported'));
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ actorId: staff.id, detail: { asOf: today, period: 'fy2025' } });
	});
});
