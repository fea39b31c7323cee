// Ref codes: readable, unique whatever the case, counted once per browser and day without knowing who, and each
// code's figures from visit to approval.
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import { japanDateTime } from '$lib/japan-time';
import { createReferralCode, findActiveCode, generateCode, listCodeFigures, normaliseCode, setCodeArchived } from './codes';
import { readVisitCookie, recordVisit } from './visits';
import { bookTrial, findBooking } from './bookings';
import { markTrialAttendance } from './attendance';
import { referralVisits } from './schema';
import { bookingInput, createTrialSession, testOrigin } from './testing';

describeEachDatabase('ref codes', (connection) => {
	const db = () => connection().db;
	let serial = 0;

	async function coordinator() {
		const user = await createUser(db(), { roles: ['coordinator'] });
		return { id: user.id, displayName: user.displayName };
	}

	async function newCode(channel: 'flyer' | 'event' = 'flyer') {
		serial += 1;
		const created = await createReferralCode(db(), await coordinator(), {
			code: `flyer-${serial}-${Math.random().toString(36).slice(2, 7)}`,
			name: `チラシ ${serial}`,
			channel
		});
		if (!created.ok) throw new Error(created.problem);
		return created;
	}

	async function visitsOn(codeId: string, day: string) {
		const [row] = await db()
			.select()
			.from(referralVisits)
			.where(and(eq(referralVisits.codeId, codeId), eq(referralVisits.day, day)));
		return row?.visits ?? 0;
	}

	it('reads codes case-insensitively, refuses a taken one and makes readable ones', async () => {
		const code = await newCode();
		expect((await findActiveCode(db(), code.code.toUpperCase()))?.id).toBe(code.id);
		expect(await createReferralCode(db(), await coordinator(), { code: code.code, name: 'again', channel: 'web' })).toEqual({
			ok: false,
			problem: 'referrals_error_code_taken'
		});
		const made = await createReferralCode(db(), await coordinator(), { code: null, name: '自動', channel: 'web' });
		expect(made.ok && made.code).toMatch(/^[a-hjkmnp-z2-9]{6}$/);
		expect(generateCode()).not.toBe(generateCode());
		for (const hostile of ["x' or 1=1", '<script>', 'a', '-abc', 'ａｂｃ', 'x'.repeat(40)]) expect(normaliseCode(hostile)).toBeNull();
	});

	it('counts a browser once per code and day, again the next day, and a browser without the cookie each time', async () => {
		const code = await newCode();
		const morning = japanDateTime('2031-03-02', '08:00');
		const cookie = await recordVisit(db(), code.code.toUpperCase(), undefined, morning);
		expect(readVisitCookie(cookie!)).toEqual({ code: code.code, day: '2031-03-02' });
		expect(cookie).toBe(`${code.code}.2031-03-02`);
		expect(await recordVisit(db(), code.code, cookie!, japanDateTime('2031-03-02', '23:59'))).toBe(cookie);
		expect(await visitsOn(code.id, '2031-03-02')).toBe(1);
		await recordVisit(db(), code.code, undefined, morning);
		expect(await visitsOn(code.id, '2031-03-02')).toBe(2);
		const nextDay = await recordVisit(db(), code.code, cookie!, japanDateTime('2031-03-03', '00:00'));
		expect(nextDay).toBe(`${code.code}.2031-03-03`);
		expect(await visitsOn(code.id, '2031-03-03')).toBe(1);
		// Another code's cookie does not stop this code's count.
		const other = await newCode();
		await recordVisit(db(), other.code, nextDay!, japanDateTime('2031-03-03', '09:00'));
		expect(await visitsOn(other.id, '2031-03-03')).toBe(1);
	});

	it('ignores unknown, archived and forged codes and cookies', async () => {
		const code = await newCode();
		await setCodeArchived(db(), code.id, true);
		expect(await recordVisit(db(), code.code, undefined)).toBeNull();
		expect(await recordVisit(db(), 'no-such-code-here', undefined)).toBeNull();
		expect(await recordVisit(db(), "'; drop table referral_codes; --", undefined)).toBeNull();
		for (const forged of ['x', `${code.code}.tomorrow`, `${code.code}.2031-03-02.extra`, 'A B.2031-01-01']) expect(readVisitCookie(forged)).toBeNull();
		await setCodeArchived(db(), code.id, false);
		expect(await recordVisit(db(), code.code, undefined)).not.toBeNull();
	});

	it('shows per code: visits, bookings, who came, applications and approvals', async () => {
		const code = await newCode('event');
		await recordVisit(db(), code.code, undefined);
		await recordVisit(db(), code.code, undefined);
		const sessionId = await createTrialSession(db(), { capacity: 5 });
		const outcomes = [];
		for (let index = 0; index < 3; index++)
			outcomes.push(await bookTrial(db(), bookingInput(sessionId, { refCode: code.code.toUpperCase(), channel: null }), { origin: testOrigin }));
		const tokens = outcomes.map((outcome) => (outcome.ok ? outcome.token : ''));
		const ids = await Promise.all(tokens.map(async (token) => (await findBooking(db(), token))!.id));
		await markTrialAttendance(db(), await coordinator(), sessionId, ids.slice(0, 2));
		const figures = (await listCodeFigures(db())).find((row) => row.id === code.id);
		expect(figures).toMatchObject({ visits: 2, bookings: 3, attended: 2, applications: 0, approved: 0, channel: 'event' });
		const booked = await findBooking(db(), tokens[0]!);
		expect(booked).not.toBeNull();
	});
});
