import { eq } from 'drizzle-orm';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import { auditEvents } from '../audit/schema';
import * as mail from '../mail';
import * as membership from '../membership';
import { members } from '../membership/schema';
import { importExercises } from '../exercises/testing';
import { dueDigestMonth, sendMonthlyDigests } from './digest';
import { findSubscription, unsubscribe } from './preferences';
import { downloadExport, findDataRequestPage, findExport, requestChildDeletion, requestDataCopy } from './requests';
import { failedLookupWindow } from './links';
import { guardianPreferences } from './schema';
import { attendedSession, consentedChild, latestMail, linkToken, mailsTo, solved, testOrigin } from './testing';

// November 2026 in Japan; its digests are due from 10:00 on 1 December (01:00 UTC).
const inNovember = (dayOfMonth: number) => new Date(`2026-11-${String(dayOfMonth).padStart(2, '0')}T03:00:00Z`);
const digestTime = new Date('2026-12-01T01:00:00Z');

describeEachDatabase('guardians’ digest and requests', (connection) => {
	const db = () => connection().db;
	let exerciseIds: Record<string, string>;

	beforeAll(async () => {
		exerciseIds = await importExercises(db(), 'hello-world', 'fizzbuzz', 'linear-search');
	});

	/** Two children of the club, each with their own November; the second's is full of things the first's must not show. */
	async function twoChildren() {
		const mentor = await createUser(db(), { roles: ['mentor'] });
		const hana = await consentedChild(db(), { nickname: 'はなちゃん', digest: true, consentedAt: inNovember(2) });
		const taro = await consentedChild(db(), { nickname: 'たろうくん', digest: true, consentedAt: inNovember(2) });
		await attendedSession(db(), hana.userId, { title: '11月の活動日（はな）', startsAt: inNovember(14), mentorId: mentor.id });
		await solved(db(), hana.userId, exerciseIds['hello-world']!, inNovember(14));
		await attendedSession(db(), taro.userId, { title: 'たろうだけの特別回', startsAt: inNovember(21), mentorId: mentor.id });
		await solved(db(), taro.userId, exerciseIds['fizzbuzz']!, inNovember(21));
		await solved(db(), taro.userId, exerciseIds['linear-search']!, inNovember(22));
		// Solved in October: not November's news.
		await solved(db(), hana.userId, exerciseIds['linear-search']!, new Date('2026-10-20T03:00:00Z'));
		return { mentor, hana, taro };
	}

	it('tells a guardian only about their own child: no other child, no mentor', async () => {
		const { mentor, hana, taro } = await twoChildren();
		await sendMonthlyDigests(db(), digestTime, { origin: testOrigin });
		const digest = (await latestMail(db(), hana.guardianEmail, 'guardian_digest'))!;
		expect(digest.subject).toBe('【金沢IT部活】はなちゃんさんの2026年11月の活動');
		expect(digest.textBody).toContain('参加した活動日（1回）');
		expect(digest.textBody).toContain('11月の活動日（はな）');
		expect(digest.textBody).toContain('解けた問題（1問）');
		expect(digest.textBody).toContain('はじめてのプログラム');
		expect(digest.textBody).toContain('入力と出力');
		for (const foreign of [
			taro.nickname,
			taro.fullName,
			'たろうだけの特別回',
			'FizzBuzz',
			'何番目にある',
			'探索',
			hana.fullName,
			mentor.displayName,
			mentor.email
		]) {
			expect(digest.textBody, foreign).not.toContain(foreign);
			expect(digest.subject, foreign).not.toContain(foreign);
		}
		const other = (await latestMail(db(), taro.guardianEmail, 'guardian_digest'))!;
		expect(other.textBody).toContain('解けた問題（2問）');
		expect(other.textBody).not.toContain('はなちゃん');
	});

	it('carries one-click unsubscribe headers, which nodemailer puts on the message', async () => {
		const child = await consentedChild(db(), { nickname: 'ヘッダー確認', digest: true, consentedAt: inNovember(3) });
		await sendMonthlyDigests(db(), digestTime, { origin: testOrigin });
		const digest = (await latestMail(db(), child.guardianEmail, 'guardian_digest'))!;
		const token = linkToken(digest.textBody, 'unsubscribe');
		expect(digest.headers).toEqual({
			'List-Unsubscribe': `<${testOrigin}/guardians/unsubscribe/${token}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		});
		const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true });
		let raw = '';
		const send = transporter.sendMail.bind(transporter);
		transporter.sendMail = (async (options: SendMailOptions) => {
			const info = await send(options);
			// Unfolded: nodemailer folds long header lines, as RFC 5322 allows.
			raw = String(info.message).replace(/\r\n[ \t]+/g, ' ');
			return info;
		}) as typeof transporter.sendMail;
		await mail
			.nodemailerTransport(transporter, 'portal@example.jp')
			.send({ to: child.guardianEmail, subject: digest.subject, text: digest.textBody, headers: digest.headers });
		expect(raw).toContain(`List-Unsubscribe: <${testOrigin}/guardians/unsubscribe/${token}>`);
		expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
	});

	it('sends each month once, from 10:00 on the 1st, only to guardians who chose it before the month ended', async () => {
		const subscribed = await consentedChild(db(), { nickname: 'まいつき', digest: true, consentedAt: inNovember(5) });
		const declined = await consentedChild(db(), { nickname: 'いらない', digest: false, consentedAt: inNovember(5) });
		const late = await consentedChild(db(), { nickname: 'おそい', digest: true, consentedAt: new Date('2026-12-01T00:30:00Z') });
		const notYetMember = await consentedChild(db(), { nickname: 'しんさちゅう', digest: true, consentedAt: inNovember(29), approve: false });
		expect(dueDigestMonth(new Date('2026-12-01T00:59:59Z'))).toBeNull();
		expect(dueDigestMonth(digestTime)).toBe('2026-11');
		expect(dueDigestMonth(new Date('2026-12-31T14:59:00Z'))).toBe('2026-11');
		await sendMonthlyDigests(db(), new Date('2026-12-01T00:59:00Z'), { origin: testOrigin });
		expect(await mailsTo(db(), subscribed.guardianEmail, 'guardian_digest')).toHaveLength(0);
		await sendMonthlyDigests(db(), digestTime, { origin: testOrigin });
		await sendMonthlyDigests(db(), digestTime, { origin: testOrigin });
		await Promise.all([
			sendMonthlyDigests(db(), new Date('2026-12-02T01:00:00Z'), { origin: testOrigin }),
			sendMonthlyDigests(db(), new Date('2026-12-02T01:00:00Z'), { origin: testOrigin })
		]);
		expect(await mailsTo(db(), subscribed.guardianEmail, 'guardian_digest')).toHaveLength(1);
		for (const child of [declined, late, notYetMember]) expect(await mailsTo(db(), child.guardianEmail, 'guardian_digest'), child.nickname).toHaveLength(0);
		// December's comes in January, to the late one too.
		await sendMonthlyDigests(db(), new Date('2027-01-01T01:00:00Z'), { origin: testOrigin });
		expect(await mailsTo(db(), subscribed.guardianEmail, 'guardian_digest')).toHaveLength(2);
		expect(await mailsTo(db(), late.guardianEmail, 'guardian_digest')).toHaveLength(1);
	});

	it('writes in the language the guardian chose at consent, and records the choice with its time', async () => {
		const child = await consentedChild(db(), { nickname: 'Hana', digest: true, locale: 'en', consentedAt: inNovember(6) });
		await solved(db(), child.userId, exerciseIds['fizzbuzz']!, inNovember(7));
		const [choice] = await db().select().from(guardianPreferences).where(eq(guardianPreferences.applicationId, child.applicationId));
		expect(choice).toMatchObject({ digest: true, locale: 'en', chosenAt: inNovember(6), unsubscribedAt: null });
		const receipt = (await latestMail(db(), child.guardianEmail, 'guardian_consent_receipt'))!;
		expect(receipt.subject).toBe('Kanazawa IT-bu: we have your consent for Hana');
		linkToken(receipt.textBody, 'data');
		linkToken(receipt.textBody, 'unsubscribe');
		await sendMonthlyDigests(db(), digestTime, { origin: testOrigin });
		const digest = (await latestMail(db(), child.guardianEmail, 'guardian_digest'))!;
		expect(digest.subject).toBe("Kanazawa IT-bu: Hana's month, November 2026");
		expect(digest.textBody).toContain('Exercises solved (1)');
		expect(digest.textBody).toContain('Loops');
	});

	it('unsubscribes by the link alone, only its own child, and refuses forged or expired links', async () => {
		const { hana, taro } = await twoChildren();
		await sendMonthlyDigests(db(), digestTime, { origin: testOrigin });
		const hanaMail = (await latestMail(db(), hana.guardianEmail, 'guardian_digest'))!;
		const token = linkToken(hanaMail.textBody, 'unsubscribe');
		const now = new Date('2026-12-03T00:00:00Z');
		expect(await findSubscription(db(), token, { now })).toEqual({ nickname: 'はなちゃん', locale: 'ja', subscribed: true });
		for (const forged of ['a'.repeat(32), token.slice(0, 31), `${token}x`, '../../etc', linkToken(hanaMail.textBody, 'data')]) {
			expect(await unsubscribe(db(), forged, { now }), forged).toBe(false);
			expect(await findSubscription(db(), forged, { now }), forged).toBeNull();
		}
		expect(await unsubscribe(db(), token, { now: new Date(now.getTime() + 366 * 24 * 60 * 60 * 1000) })).toBe(false);
		expect(await unsubscribe(db(), token, { now })).toBe(true);
		expect(await unsubscribe(db(), token, { now })).toBe(true);
		expect((await findSubscription(db(), token, { now }))?.subscribed).toBe(false);
		await sendMonthlyDigests(db(), new Date('2027-01-01T01:00:00Z'), { origin: testOrigin });
		expect(await mailsTo(db(), hana.guardianEmail, 'guardian_digest')).toHaveLength(1);
		expect(await mailsTo(db(), taro.guardianEmail, 'guardian_digest')).toHaveLength(2);
	});

	it('stops answering an address that tries too many unknown links', async () => {
		const child = await consentedChild(db(), { nickname: 'れんだ', digest: true, consentedAt: inNovember(8) });
		const token = linkToken((await latestMail(db(), child.guardianEmail, 'guardian_consent_receipt'))!.textBody, 'unsubscribe');
		const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${crypto.randomUUID()}`;
		const now = new Date();
		expect(await findSubscription(db(), token, { now, ip })).not.toBeNull();
		for (let attempt = 0; attempt < failedLookupWindow.limit; attempt++)
			await findSubscription(db(), `${'b'.repeat(31)}${'abcdefghijklmnopqrstuvwxyz234567'[attempt]}`, { now, ip });
		expect(await findSubscription(db(), token, { now, ip })).toBeNull();
		expect(await findSubscription(db(), token, { now, ip: '203.0.113.9' })).not.toBeNull();
	});

	it('mails a copy of the child’s data to the guardian on record, as the member’s own download, and logs it', async () => {
		const { hana, taro } = await twoChildren();
		await sendMonthlyDigests(db(), digestTime, { origin: testOrigin });
		const dataToken = linkToken((await latestMail(db(), hana.guardianEmail, 'guardian_digest'))!.textBody, 'data');
		const now = new Date('2026-12-02T00:00:00Z');
		expect(await findDataRequestPage(db(), dataToken, { now })).toEqual({ nickname: 'はなちゃん', deletionRequested: false });
		expect(await requestDataCopy(db(), dataToken, testOrigin, { now })).toEqual({ ok: true });
		const exportMail = (await latestMail(db(), hana.guardianEmail, 'guardian_data_export'))!;
		const exportToken = linkToken(exportMail.textBody, 'export');
		expect(await findDataRequestPage(db(), exportToken, { now })).toBeNull();
		expect(await findExport(db(), dataToken, { now })).toBeNull();
		expect(await findExport(db(), exportToken, { now })).toEqual({ nickname: 'はなちゃん' });
		const document = (await downloadExport(db(), exportToken, { now }))!;
		expect(document.membership).toMatchObject({ nickname: 'はなちゃん', fullName: hana.fullName, guardianEmail: hana.guardianEmail });
		expect(JSON.stringify(document)).not.toContain(taro.fullName);
		expect(await downloadExport(db(), exportToken, { now: new Date(now.getTime() + 8 * 24 * 60 * 60 * 1000) })).toBeNull();
		const logged = await db().select().from(auditEvents).where(eq(auditEvents.memberId, hana.memberId!));
		expect(logged.map((event) => [event.action, event.actorName, event.actorId])).toContainEqual(['own_data_exported', '保護者', null]);
		// Three mails a day at most, whoever holds the link.
		await requestDataCopy(db(), dataToken, testOrigin, { now });
		await requestDataCopy(db(), dataToken, testOrigin, { now });
		expect(await requestDataCopy(db(), dataToken, testOrigin, { now })).toEqual({ ok: false, problem: 'guardians_error_too_many_mails' });
		expect(await requestDataCopy(db(), 'c'.repeat(32), testOrigin, { now })).toEqual({ ok: false, problem: 'guardians_error_link' });
	});

	it('takes a deletion request to the coordinators; once carried out the links die and the member still counts', async () => {
		const { hana } = await twoChildren();
		await sendMonthlyDigests(db(), digestTime, { origin: testOrigin });
		const dataToken = linkToken((await latestMail(db(), hana.guardianEmail, 'guardian_digest'))!.textBody, 'data');
		const now = new Date('2026-12-02T00:00:00Z');
		expect(await requestChildDeletion(db(), 'd'.repeat(32), { now })).toEqual({ ok: false, problem: 'guardians_error_link' });
		expect(await requestChildDeletion(db(), dataToken, { now })).toEqual({ ok: true, outcome: 'requested' });
		expect(await requestChildDeletion(db(), dataToken, { now })).toEqual({ ok: true, outcome: 'already_requested' });
		expect(await findDataRequestPage(db(), dataToken, { now })).toEqual({ nickname: 'はなちゃん', deletionRequested: true });
		// A deletion pending: no more digests.
		await sendMonthlyDigests(db(), new Date('2027-01-01T01:00:00Z'), { origin: testOrigin });
		expect(await mailsTo(db(), hana.guardianEmail, 'guardian_digest')).toHaveLength(1);
		const staff = await createUser(db(), { roles: ['coordinator'] });
		expect(await membership.anonymiseMember(db(), staff, hana.memberId!, now)).toEqual({ ok: true });
		expect(await findDataRequestPage(db(), dataToken, { now })).toBeNull();
		const [kept] = await db().select().from(members).where(eq(members.id, hana.memberId!));
		expect(kept).toMatchObject({ nickname: null, fullName: null, guardianEmail: null, status: 'withdrawn', joinedOn: '2026-11-03' });
		expect(kept!.memberNumber).toBeTruthy();
	});

	it('erases at once an application that never became a membership', async () => {
		const child = await consentedChild(db(), { nickname: 'しんせいちゅう', digest: false, consentedAt: inNovember(9), approve: false });
		const dataToken = linkToken((await latestMail(db(), child.guardianEmail, 'guardian_consent_receipt'))!.textBody, 'data');
		expect(await requestChildDeletion(db(), dataToken, { now: inNovember(10) })).toEqual({ ok: true, outcome: 'applications_erased' });
		expect(await findDataRequestPage(db(), dataToken, { now: inNovember(10) })).toBeNull();
		expect(await membership.latestApplication(db(), child.userId)).toBeNull();
	});
});
