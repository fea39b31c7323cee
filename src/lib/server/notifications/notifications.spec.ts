import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { outboxMail } from '../db/schema';
import * as auth from '../auth';
import { createUser } from '../testing/factories';
import { countUnread, listNotifications, markAllRead, openNotification } from './inbox';
import { kindsFor, renderNotification, type SessionPayload } from './kinds';
import { notify } from './notify';
import { mailPreferences, setMailPreferences } from './preferences';

const origin = 'https://portal.example.jp';
const session: SessionPayload = {
	sessionId: '5b0e7c1e-4a33-4f7e-9a51-8c1f0b7d2e11',
	title: '活動日',
	startsAt: '2026-12-05T04:00:00.000Z',
	endsAt: '2026-12-05T07:00:00.000Z',
	venue: '金沢未来のまち創造館',
	online: false
};

describeEachDatabase('notifications', (connection) => {
	const db = () => connection().db;
	const mailsTo = async (address: string) => db().select().from(outboxMail).where(eq(outboxMail.toAddress, address));

	it('writes the in-app notification and mails it in the recipient’s language by default', async () => {
		const person = await createUser(db(), { roles: ['student'] });
		await auth.setLocale(db(), person.id, 'en');
		expect(await notify(db(), person.id, 'session_reminder', session, { origin })).toBe(true);
		const [mail] = await mailsTo(person.email);
		expect(mail?.subject).toBe('[Kanazawa IT-bu] Club session reminder: 活動日');
		expect(mail?.textBody).toContain('Sat, 5 December 2026, 13:00–16:00');
		expect(mail?.textBody).toContain(`${origin}/sessions/${session.sessionId}`);
		expect(mail?.textBody).toContain(`${origin}/settings#mail`);
		expect(await countUnread(db(), person.id)).toBe(1);
	});

	it('sends no mail for a kind the person turned off, or that is off by default, but still notifies in the app', async () => {
		const mentor = await createUser(db(), { roles: ['mentor'] });
		expect(await notify(db(), mentor.id, 'review_requested', { path: '/mentor', exerciseTitle: 'FizzBuzz', name: 'はるか' }, { origin })).toBe(false);
		await setMailPreferences(db(), mentor.id, ['mentor'], new Set(['review_requested']));
		expect(await notify(db(), mentor.id, 'review_requested', { path: '/mentor', exerciseTitle: 'FizzBuzz', name: 'はるか' }, { origin })).toBe(true);
		await setMailPreferences(db(), mentor.id, ['mentor'], new Set());
		expect(await notify(db(), mentor.id, 'session_reminder', session, { origin })).toBe(false);
		expect((await mailsTo(mentor.email)).map((mail) => mail.subject)).toEqual(['【金沢IT部活】コードレビューの依頼：FizzBuzz']);
		expect(await countUnread(db(), mentor.id)).toBe(3);
	});

	it('never mails an unconfirmed address or a disabled account', async () => {
		const unconfirmed = await createUser(db(), { roles: ['student'], emailVerified: false });
		const disabled = await createUser(db(), { roles: ['student'] });
		await auth.setDisabled(db(), disabled.id, true);
		expect(await notify(db(), unconfirmed.id, 'session_cancelled', session, { origin })).toBe(false);
		expect(await notify(db(), disabled.id, 'session_cancelled', session, { origin })).toBe(false);
		expect([...(await mailsTo(unconfirmed.email)), ...(await mailsTo(disabled.email))]).toEqual([]);
	});

	it('offers each role its own mail choices, with the defaults until the person chooses', async () => {
		expect(kindsFor(['student'])).toEqual(['review_posted', 'review_reply', 'session_reminder', 'waitlist_promoted', 'session_changed', 'session_cancelled']);
		expect(kindsFor(['mentor'])).toEqual([
			'review_requested',
			'review_reply',
			'review_resubmitted',
			'session_reminder',
			'session_changed',
			'session_cancelled'
		]);
		expect(kindsFor(['coordinator'])).toEqual([]);
		const student = await createUser(db(), { roles: ['student'] });
		const defaults = await mailPreferences(db(), student.id, ['student']);
		expect(defaults.every((preference) => preference.mail)).toBe(true);
		await setMailPreferences(db(), student.id, ['student'], new Set(['session_cancelled', 'review_requested']));
		const chosen = await mailPreferences(db(), student.id, ['student']);
		expect(chosen.filter((preference) => preference.mail).map((preference) => preference.kind)).toEqual(['session_cancelled']);
		expect((await mailPreferences(db(), student.id, ['mentor'])).find((preference) => preference.kind === 'review_requested')?.mail).toBe(false);
	});

	it('lists a person’s notifications newest first, opens only their own, and marks them read', async () => {
		const person = await createUser(db(), { roles: ['student'] });
		const other = await createUser(db(), { roles: ['student'] });
		await notify(db(), person.id, 'session_reminder', session, { origin });
		await notify(db(), person.id, 'review_posted', { path: '/exercises/fizzbuzz', exerciseTitle: 'FizzBuzz', name: '犀川' }, { origin });
		const list = await listNotifications(db(), person.id, 'ja');
		expect(list.map((entry) => [entry.title, entry.path, entry.read])).toEqual([
			['コードレビューが届きました：FizzBuzz', '/exercises/fizzbuzz', false],
			['活動日のお知らせ：活動日', `/sessions/${session.sessionId}`, false]
		]);
		expect(await openNotification(db(), other.id, list[0]!.id, 'ja')).toBeNull();
		expect(await openNotification(db(), person.id, list[0]!.id, 'ja')).toBe('/exercises/fizzbuzz');
		expect(await countUnread(db(), person.id)).toBe(1);
		expect(await markAllRead(db(), person.id)).toBe(1);
		expect(await countUnread(db(), person.id)).toBe(0);
		expect(await countUnread(db(), other.id)).toBe(0);
	});

	it('reads in the reader’s language, the exercise’s title included, whatever language it was sent in', async () => {
		const person = await createUser(db(), { roles: ['student'] });
		const titles = { ja: '1 から N までの合計', en: 'Sum from 1 to N' };
		await notify(db(), person.id, 'review_posted', { path: '/reviews/1', exerciseTitle: titles.en, exerciseTitles: titles, name: 'さくら' }, { origin });
		expect((await listNotifications(db(), person.id, 'ja'))[0]?.title).toBe('コードレビューが届きました：1 から N までの合計');
		expect((await listNotifications(db(), person.id, 'en'))[0]?.title).toMatch(/Sum from 1 to N$/);
		expect((await listNotifications(db(), person.id, 'en'))[0]?.title).not.toMatch(/[ぁ-んァ-ン]/);
	});

	it('never leads outside the portal, and skips kinds it does not know', async () => {
		const person = await createUser(db(), { roles: ['student'] });
		await notify(db(), person.id, 'review_posted', { path: 'https://evil.example/', exerciseTitle: 'x', name: 'y' }, { origin });
		const [entry] = await listNotifications(db(), person.id, 'ja');
		expect(entry?.path).toBe('/notifications');
		expect(renderNotification('no_such_kind', {}, 'ja')).toBeNull();
	});
});
