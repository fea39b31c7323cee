// A trial session (体験会) from the flyer to the application: a QR code's ref link counted once per browser, a seat
// booked without an account, the waitlist, cancelling from the mail's link, the coordinator marking who came, and the
// invitation mail opening the application already filled in, which records where the person came from.
import { eq } from 'drizzle-orm';
import { test, expect } from './fixtures';
import { newPage } from './support/pages';
import { e2eOrigin } from './environment';
import { createTrialSession, day } from '../src/lib/server/trials/testing';
import { createReferralCode } from '../src/lib/server/trials/codes';
import { runTrialJobs } from '../src/lib/server/trials/jobs';
import { referralVisits } from '../src/lib/server/trials/schema';
import { memberApplications } from '../src/lib/server/membership/schema';
import { uniqueEmail } from '../src/lib/server/testing/factories';

test('a guardian books without an account, the waitlist moves up, and the trial leads to a pre-filled application', async ({
	browser,
	database,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const db = database.db;
	const suffix = Date.now().toString(36);
	const startsAt = new Date(Date.now() + 3 * day);
	const title = `体験会 ${suffix}`;
	const sessionId = await createTrialSession(db, { title, capacity: 1, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000) });
	const staffUser = await makeUser({ roles: ['coordinator'] });
	const code = await createReferralCode(
		db,
		{ id: staffUser.id, displayName: staffUser.displayName },
		{ code: `e2e-${suffix}`, name: `チラシ ${suffix}`, channel: 'flyer' }
	);
	if (!code.ok) throw new Error(code.problem);
	const visits = async () => (await db.select().from(referralVisits).where(eq(referralVisits.codeId, code.id))).reduce((sum, row) => sum + row.visits, 0);

	// A guardian scans the flyer's QR code twice: counted once, and the address bar loses the code.
	const first = await newPage(browser);
	await first.goto(`/?ref=${code.code.toUpperCase()}`);
	await expect(first).toHaveURL(`${e2eOrigin}/`);
	await first.goto(`/?ref=${code.code}`);
	expect(await visits()).toBe(1);
	await expect(first.getByRole('heading', { name: '体験会(予約受付中)' })).toBeVisible();
	await expectAccessible(first);

	// Books the only seat; how they heard of the club is already chosen from the flyer's code.
	await first.getByRole('link', { name: `予約する: ${title}` }).click();
	await expect(first.getByRole('heading', { name: `体験会の予約: ${title}` })).toBeVisible();
	await expect(first.getByLabel('金沢IT部活を知ったきっかけ')).toHaveValue('flyer');
	await expectAccessible(first);
	const firstGuardian = uniqueEmail('trial-guardian');
	await first.getByLabel('参加する人の名前またはニックネーム').fill('はると');
	await first.getByLabel('中1').check();
	await first.getByLabel('保護者の方のメールアドレス').fill(firstGuardian);
	await first.getByRole('button', { name: '予約する' }).click();
	await expect(first.getByText('個人情報の扱いを確認して、チェックを入れてください。')).toBeVisible();
	await expect(first.getByLabel('参加する人の名前またはニックネーム')).toHaveValue('はると');
	await first.getByLabel(/上の個人情報の扱いに同意します/).check();
	await first.getByRole('button', { name: '予約する' }).click();
	await expect(first.getByText('予約しました。')).toBeVisible();

	// Another family, through the same code from another browser, counted again, and put on the waitlist.
	const second = await newPage(browser);
	await second.goto(`/?ref=${code.code}`);
	expect(await visits()).toBe(2);
	await second.goto(`/trial/${sessionId}`);
	await expect(second.getByText('満席(キャンセル待ちできます)')).toBeVisible();
	const secondGuardian = uniqueEmail('trial-guardian');
	await second.getByLabel('参加する人の名前またはニックネーム').fill('みお');
	await second.getByLabel('中2').check();
	await second.getByLabel('学校(任意)').selectOption({ label: '金沢市立兼六中学校' });
	await second.getByLabel('保護者の方のメールアドレス').fill(secondGuardian);
	await second.getByLabel('金沢IT部活を知ったきっかけ').selectOption({ label: '学校の先生' });
	await second.getByLabel(/上の個人情報の扱いに同意します/).check();
	await second.getByRole('button', { name: 'キャンセル待ちに登録する' }).click();
	await expect(second.getByText('満席のため、キャンセル待ちに登録しました。')).toBeVisible();

	// The first guardian cancels from the link in the confirmation mail; the seat goes to the waitlist.
	await first.goto(`/dev/mail?to=${encodeURIComponent(firstGuardian)}`);
	await expect(first.getByRole('heading', { name: `体験会の予約を受け付けました: ${title}` })).toBeVisible();
	await first.getByRole('link', { name: /\/trial\/booking\// }).click();
	await expect(first.getByText('予約済み')).toBeVisible();
	await expectAccessible(first);
	await first.getByRole('button', { name: '予約をキャンセルする' }).click();
	await expect(first.getByText('予約をキャンセルしました。')).toBeVisible();
	await second.goto(`/dev/mail?to=${encodeURIComponent(secondGuardian)}`);
	await expect(second.getByRole('heading', { name: `体験会の席が空きました: ${title}` })).toBeVisible();

	// The coordinator ticks who came.
	const staff = await newPage(browser);
	await logIn(staff, staffUser);
	await staff.goto(`/coordinator/trials/${sessionId}`);
	await expect(staff.getByRole('cell', { name: secondGuardian })).toBeVisible();
	await expectAccessible(staff);
	await staff.getByLabel('みお さんが来た').check();
	await staff.getByRole('button', { name: '出欠を保存する' }).click();
	await expect(staff.getByText('出欠を保存しました(来た人 1人)')).toBeVisible();

	// After the session, one invitation; its link opens the application with what the booking said.
	await runTrialJobs(db, new Date(startsAt.getTime() + 3 * 60 * 60 * 1000), { origin: e2eOrigin, retentionDays: 90 });
	const applicant = await makeUser();
	await logIn(second, applicant);
	await second.goto(`/dev/mail?to=${encodeURIComponent(secondGuardian)}`);
	await second.getByRole('link', { name: /\/apply$/ }).click();
	await expect(second).toHaveURL(`${e2eOrigin}/join`);
	await expect(second.getByText('体験会の予約で伺った内容を入力しておきました。')).toBeVisible();
	await expect(second.getByLabel('ニックネーム')).toHaveValue('みお');
	await expect(second.getByLabel('中2')).toBeChecked();
	await expect(second.getByLabel('学校', { exact: true })).toHaveValue('k-kenroku');
	await expect(second.getByLabel('保護者の方のメールアドレス')).toHaveValue(secondGuardian);
	await expect(second.getByLabel('金沢IT部活を知ったきっかけ')).toHaveValue('teacher');
	await expectAccessible(second);
	await second.getByLabel('氏名', { exact: true }).fill(`体験 みお${suffix}`);
	await second.getByLabel('保護者の方の氏名').fill('体験 保護者');
	await second.getByLabel('上の「集める情報と、その使い道」を読みました').check();
	await second.getByRole('button', { name: '申し込む' }).click();
	await expect(second.getByText('保護者の方の同意を待っています。')).toBeVisible();
	const [application] = await db.select().from(memberApplications).where(eq(memberApplications.userId, applicant.id));
	expect(application).toMatchObject({ channel: 'teacher', refCodeId: code.id });
	expect(application!.trialBookingId).not.toBeNull();

	// The code's figures, and its flyer.
	await staff.goto('/coordinator/referrals');
	const row = staff.getByRole('row', { name: new RegExp(code.code) });
	await expect(row.getByRole('cell')).toHaveText([code.code, `チラシ ${suffix}`, 'チラシ', '2', '1', '1', '1', '0', /チラシ・ポスター/]);
	await expectAccessible(staff);
	await row.getByRole('link', { name: /チラシ・ポスター/ }).click();
	await expect(staff.getByRole('img', { name: '体験会の予約ページを開くQRコード' })).toBeVisible();
	await expect(staff.getByText(`${e2eOrigin}/?ref=${code.code}`)).toBeVisible();
	await expectAccessible(staff);
});

test('a stranger cannot reach coordinators’ trial pages or another booking', async ({ page, makeUser, logIn }) => {
	await page.goto('/trial/booking/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
	await expect(page.getByText('このリンクは使えません。')).toBeVisible();
	const student = await makeUser({ roles: ['student'] });
	await logIn(page, student);
	for (const path of ['/coordinator/trials', '/coordinator/referrals']) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(403);
	}
	const forged = await page.request.post('/coordinator/referrals?/create', {
		form: { name: 'forged', channel: 'web', code: 'forged-code' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(forged.status()).toBe(403);
});
