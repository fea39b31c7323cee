// A guardian who chose the monthly digest at consent reads it, stops it with the mail program's one-click POST (no
// login, no page of ours), and asks for the child's data and its deletion from the digest's link.
import { request as playwrightRequest } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { test, expect } from './fixtures';
import { e2eOrigin } from './environment';
import { exercises } from '../src/lib/server/db/schema';
import { members } from '../src/lib/server/membership/schema';
import { uniqueEmail } from '../src/lib/server/testing/factories';
import * as membership from '../src/lib/server/membership';
import { applicationFormFor, consentTokenFromMail } from '../src/lib/server/membership/testing';
import { recordSubmission } from '../src/lib/server/exercises/testing';
import { sendMonthlyDigests } from '../src/lib/server/guardians';
import { addMonths, japanDate, japanDateTime, monthOf } from '../src/lib/japan-time';

test.beforeEach(async ({ demoExercises }) => demoExercises);

test('consent with the digest, the digest from the outbox, one-click unsubscribe without login, and the data requests', async ({
	browser,
	database,
	makeUser,
	expectAccessible
}) => {
	const db = database.db;
	// The child applies (membership.e2e.ts walks through the form) and the consent mail goes out.
	const child = await makeUser({ emailVerified: true });
	const form = applicationFormFor({ nickname: 'ゆうちゃん', guardianEmail: uniqueEmail('guardian') });
	const applied = await membership.submitApplication(
		db,
		{ id: child.id, email: child.email, displayName: child.displayName, locale: 'ja', emailVerified: true },
		form,
		e2eOrigin
	);
	expect(applied.ok).toBe(true);

	// The guardian consents and ticks the digest, which is not ticked for them.
	const guardian = await (await browser.newContext()).newPage();
	await guardian.goto(`/consent/${await consentTokenFromMail(db, form.guardianEmail)}`);
	const digestChoice = guardian.getByLabel('毎月、お子さまの活動のお知らせをメールで受け取る', { exact: false });
	await expect(digestChoice).not.toBeChecked();
	await expect(guardian.getByLabel('メールの言語')).toHaveValue('ja');
	await expectAccessible(guardian);
	await digestChoice.check();
	await guardian.getByRole('button', { name: '同意する', exact: true }).click();
	await expect(guardian.getByText('同意いただき、ありがとうございました。')).toBeVisible();

	// A coordinator approves; the child solves an exercise this month; the job runs on the 1st of next month.
	const staff = await makeUser({ roles: ['coordinator'] });
	const approved = await membership.approveApplication(db, staff, (await membership.latestApplication(db, child.id))!.id, e2eOrigin);
	expect(approved.ok).toBe(true);
	const [hello] = await db.select().from(exercises).where(eq(exercises.slug, 'hello'));
	await recordSubmission(db, { userId: child.id, exerciseId: hello!.id, verdict: 'AC' });
	const nextMonth = addMonths(monthOf(japanDate()), 1);
	const digestTime = japanDateTime(`${nextMonth}-01`, '10:00');
	await sendMonthlyDigests(db, digestTime, { origin: e2eOrigin });
	await sendMonthlyDigests(db, digestTime, { origin: e2eOrigin });

	// The guardian reads it in the (development) outbox: once, with the one-click headers.
	await guardian.goto(`/dev/mail?to=${encodeURIComponent(form.guardianEmail)}`);
	const digest = guardian.getByRole('article').filter({ has: guardian.getByRole('heading', { name: /ゆうちゃんさんの.*の活動/ }) });
	await expect(digest).toHaveCount(1);
	await expect(digest.getByText(hello!.titleJa)).toBeVisible();
	await expect(digest.getByText('List-Unsubscribe-Post: List-Unsubscribe=One-Click')).toBeVisible();
	const unsubscribeLink = (await digest.getByRole('link', { name: /\/guardians\/unsubscribe\// }).getAttribute('href'))!;
	const dataLink = (await digest.getByRole('link', { name: /\/guardians\/data\// }).getAttribute('href'))!;
	await expect(digest.getByText(`List-Unsubscribe: <${unsubscribeLink}>`)).toBeVisible();

	// Opening the link only asks (mail scanners open links).
	const stranger = await (await browser.newContext()).newPage();
	await stranger.goto(unsubscribeLink);
	await expect(stranger.getByRole('button', { name: '配信を停止する' })).toBeVisible();
	await expectAccessible(stranger);

	// The mail program's POST: no cookie, no Origin of ours.
	const mailProgram = await playwrightRequest.newContext({ baseURL: e2eOrigin });
	const oneClick = await mailProgram.post(unsubscribeLink, { form: { 'List-Unsubscribe': 'One-Click' } });
	expect(oneClick.status()).toBe(200);
	expect(await oneClick.text()).toBe('unsubscribed\n');
	await stranger.reload();
	await expect(stranger.getByText('配信はすでに停止しています。')).toBeVisible();
	// The exemption is that one path: a forged post to the data page from elsewhere is refused.
	const forged = await mailProgram.post(`${dataLink}?/delete`, { form: { confirm: 'on' }, headers: { origin: 'https://evil.example' } });
	expect(forged.status()).toBe(403);
	const guessed = await mailProgram.post(`/guardians/unsubscribe/${'a'.repeat(32)}`, { form: { 'List-Unsubscribe': 'One-Click' } });
	expect(guessed.status()).toBe(404);
	await mailProgram.dispose();

	// The data link: a copy mailed to the guardian, then the deletion request.
	await guardian.goto(dataLink);
	await expectAccessible(guardian);
	await guardian.getByRole('button', { name: '写しをメールで受け取る' }).click();
	await expect(guardian.getByText('ダウンロード用のリンクをメールでお送りしました。')).toBeVisible();
	await guardian.goto(`/dev/mail?to=${encodeURIComponent(form.guardianEmail)}`);
	const exportLink = (await guardian
		.getByRole('link', { name: /\/guardians\/export\// })
		.first()
		.getAttribute('href'))!;
	await guardian.goto(exportLink);
	await expectAccessible(guardian);
	const [download] = await Promise.all([guardian.waitForEvent('download'), guardian.getByRole('button', { name: 'ダウンロードする' }).click()]);
	const document = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
	expect(document.membership).toMatchObject({ nickname: 'ゆうちゃん', guardianEmail: form.guardianEmail });

	await guardian.goto(dataLink);
	await guardian.getByRole('button', { name: '削除を依頼する' }).click();
	await expect(guardian.getByText('確認のチェックを入れてください。')).toBeVisible();
	await guardian.getByLabel('削除を依頼することを確認しました').check();
	await guardian.getByRole('button', { name: '削除を依頼する' }).click();
	await expect(guardian.getByText('削除のご依頼を受け付けました。')).toBeVisible();
	const [member] = await db.select().from(members).where(eq(members.userId, child.id));
	expect(member?.deletionRequestedAt).toBeTruthy();
});
