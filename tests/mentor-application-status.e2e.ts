// A mentor applicant always knows where their application stands: received, under review, declined with the reason,
// approved, and what happens next. After login they land on that page, not on settings with "役割: なし".
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { newPage } from './support/pages';
import type { TestUser } from '../src/lib/server/testing/factories';

async function applyAsMentor(page: Page, fullName: string) {
	await page.getByLabel('氏名', { exact: true }).fill(fullName);
	await page.getByLabel('所属団体', { exact: true }).selectOption({ label: 'その他（下に団体名を入力）' });
	await page.getByLabel('所属団体の名前（「その他」のとき）').fill('金沢エンジニア会');
	await page.getByLabel('企業のエンジニア').check();
	await page.getByLabel('Python', { exact: true }).check();
	await page.getByLabel('土曜日').check();
	await page.getByLabel('応募の動機').fill('中高生のプログラミングを応援したいです。');
	await page.getByLabel('上の「メンター行動規範」をすべて読み、守ることに同意します').check();
	await page.getByRole('button', { name: 'メンターに申し込む' }).click();
}

const steps = (page: Page) => page.getByRole('list', { name: '申し込みの進み具合' });

test('a mentor applicant follows their application from received to declined, applies again and is approved', async ({
	browser,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const suffix = Date.now().toString(36);
	const applicant = await makeUser();
	const page = await newPage(browser);
	await logIn(page, applicant);
	await page.goto('/mentors/apply');
	await applyAsMentor(page, `白山 ゆき${suffix}`);

	// Received: the status page says so, and what comes next.
	await expect(page).toHaveURL(/\/mentors\/application/);
	await expect(page.getByRole('heading', { name: 'メンターの申し込みの状況', level: 1 })).toBeVisible();
	await expect(page.getByText('申し込みを受け付けました。事務局が内容を確認して')).toBeVisible();
	await expect(steps(page).getByRole('listitem').nth(0)).toContainText('申し込みを受け付けました');
	await expect(steps(page).getByRole('listitem').nth(1)).toContainText('事務局の確認を待っています');
	await expect(steps(page).locator('[aria-current="step"]')).toContainText('事務局の確認を待っています');
	await expect(page.getByRole('region', { name: 'このあとのこと' })).toContainText('結果はメールとこのページでお知らせします');
	await expect(page.getByRole('region', { name: '事務局へのお問い合わせ' })).toContainText('it-bukatsu@kanazawa.example');
	await expectAccessible(page);

	// Logging in again leads straight here; settings tell the same and do not offer joining as a student.
	await logOutAndIn(page, applicant);
	await expect(page).toHaveURL(/\/mentors\/application$/);
	await page.getByRole('link', { name: 'アカウント設定' }).click();
	await expect(page.getByText('メンターの申し込み：確認待ち')).toBeVisible();
	await expect(page.getByRole('link', { name: '入部を申し込む' })).toHaveCount(0);
	await page.getByRole('link', { name: '申し込みの状況を見る' }).click();

	// A coordinator opens it: the applicant sees it is being reviewed.
	const staff = await newPage(browser);
	await logIn(staff, await makeUser({ roles: ['coordinator'] }));
	await staff.goto('/coordinator/mentors');
	await staff.getByRole('link', { name: `確認する: 白山 ゆき${suffix}` }).click();
	await expect(staff.getByText('中高生のプログラミングを応援したいです。')).toBeVisible();
	await page.reload();
	await expect(steps(page).locator('[aria-current="step"]')).toContainText('事務局が内容を確認しています');

	// Declined with a reason: the applicant reads it and can apply again.
	await staff.getByLabel('却下の理由').fill('活動できる曜日を、もう少し詳しく書いてください。');
	await staff.getByRole('button', { name: '却下する' }).click();
	await expect(staff.getByText('却下しました。本人にメールで知らせました。')).toBeVisible();
	await page.reload();
	await expect(steps(page).locator('[aria-current="step"]')).toContainText('今回は見送りになりました');
	await expect(page.getByRole('region', { name: '事務局からの理由' })).toContainText('活動できる曜日を、もう少し詳しく書いてください。');
	await expect(page.getByRole('region', { name: 'このあとのこと' })).toContainText('もう一度申し込めます');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'もう一度申し込む' }).click();
	await applyAsMentor(page, `白山 ゆき${suffix}`);
	await expect(steps(page).locator('[aria-current="step"]')).toContainText('事務局の確認を待っています');

	// Approved: the page says what a mentor does next, and the next login goes to the mentor page.
	await staff.goto('/coordinator/mentors');
	await staff.getByRole('link', { name: `確認する: 白山 ゆき${suffix}` }).click();
	await staff.getByRole('button', { name: '承認してメンターにする' }).click();
	await expect(staff.getByText('承認しました。本人にメールで知らせました。')).toBeVisible();
	await page.reload();
	await expect(steps(page).locator('[aria-current="step"]')).toContainText('承認されました');
	await expect(page.getByRole('region', { name: 'このあとのこと' })).toContainText('メンターのページから');
	await page.getByRole('link', { name: 'メンターページへ' }).click();
	await expect(page).toHaveURL(/\/mentor$/);
	await logOutAndIn(page, applicant);
	await expect(page).toHaveURL(/\/mentor$/);

	async function logOutAndIn(target: Page, user: TestUser) {
		await target.getByRole('button', { name: 'ログアウト', exact: true }).click();
		await expect(target.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ログイン' })).toBeVisible();
		await logIn(target, user);
	}
});

test('the status page shows only one’s own application, and nobody can withdraw another’s', async ({ browser, database, makeUser, logIn }) => {
	const mentoring = await import('../src/lib/server/mentoring');
	const { mentorApplicationFor } = await import('../src/lib/server/mentoring/testing');
	const applicant = await makeUser();
	expect(
		await mentoring.submitMentorApplication(database.db, { id: applicant.id, locale: 'ja', emailVerified: true, roles: [] }, mentorApplicationFor())
	).toEqual({ ok: true });

	const stranger = await makeUser();
	const page = await newPage(browser);
	await logIn(page, stranger);
	// No application of their own: the status page sends them to the form, and shows nothing of anyone else's.
	await page.goto('/mentors/application');
	await expect(page).toHaveURL(/\/mentors\/apply$/);
	const origin = new URL(page.url()).origin;
	const forged = await page.request.post('/mentors/application?/withdraw', { form: {}, headers: { origin, accept: 'application/json' } });
	expect(forged.status()).toBe(200);
	expect(await mentoring.latestMentorApplication(database.db, applicant.id)).toMatchObject({ status: 'awaiting_review' });
	await page.context().clearCookies();
	expect((await page.request.get('/mentors/application', { maxRedirects: 0 })).status()).toBe(303);
	expect((await page.request.post('/mentors/application?/withdraw', { form: {}, headers: { origin, accept: 'application/json' } })).status()).toBe(401);
});
