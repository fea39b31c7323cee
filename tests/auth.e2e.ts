import { test, expect } from './fixtures';
import { uniqueEmail } from '../src/lib/server/testing/factories';

test('a person signs up through the mailed link, logs out and logs back in', async ({ page, expectAccessible }) => {
	const email = uniqueEmail('e2e');
	const password = 'kanazawa castle 1583';
	await page.goto('/');
	await expectAccessible(page);
	await page.getByRole('link', { name: '新規登録' }).first().click();
	await expectAccessible(page);

	await page.getByLabel('メールアドレス').fill(email);
	await page.getByRole('button', { name: '登録用のリンクを送る' }).click();
	await expect(page.getByText(`${email} にメールを送りました`)).toBeVisible();

	await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
	await expect(page.getByRole('heading', { name: '【金沢IT部活】登録を続けてください' })).toBeVisible();
	await page.getByRole('link', { name: /register\/complete\?token=/ }).click();
	await expect(page.getByRole('heading', { name: '登録を完了する' })).toBeVisible();
	await expect(page.getByText(`${email} のアカウントを作ります`)).toBeVisible();
	await expectAccessible(page);

	// A mistake keeps what was typed, with the problem next to its field.
	await page.getByLabel('表示名（ニックネーム）').fill('かなざわ太郎');
	await page.getByLabel('パスワード', { exact: true }).fill('password123');
	await page.getByLabel('パスワード（確認）').fill('password123');
	await page.getByRole('button', { name: '登録を完了する' }).click();
	await expect(page.getByText('そのパスワードはよく使われていて危険です')).toBeVisible();
	await expect(page.getByLabel('表示名（ニックネーム）')).toHaveValue('かなざわ太郎');

	await page.getByLabel('パスワード', { exact: true }).fill(password);
	await page.getByLabel('パスワード（確認）').fill(password);
	await page.getByRole('button', { name: '登録を完了する' }).click();
	await expect(page).toHaveURL(/\/settings\?registered/);
	await expect(page.getByText('登録が完了しました')).toBeVisible();
	await expect(page.getByText('確認済み')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'ログアウト', exact: true }).click();
	await expect(page.getByRole('link', { name: 'ログイン' }).first()).toBeVisible();
	await page.goto('/settings');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings/);

	await page.getByLabel('メールアドレス').fill(email);
	await page.getByLabel('パスワード').fill(password);
	await page.getByRole('button', { name: 'ログインする' }).click();
	await expect(page).toHaveURL(/\/settings$/);
	await expect(page.getByText('確認済み')).toBeVisible();
});

test('the language switch turns the whole page to English and back', async ({ page }) => {
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
	await page.getByLabel('言語').selectOption('en');
	await page.getByRole('button', { name: '切り替える' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
	await page.getByLabel('Language').selectOption('ja');
	await page.getByRole('button', { name: 'Switch' }).click();
	await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible();
});

test('a forgotten password is reset through a single-use mail link', async ({ page, makeUser }) => {
	const user = await makeUser({ roles: ['student'] });
	await page.goto('/forgot-password');
	await page.getByLabel('メールアドレス').fill(user.email);
	await page.getByRole('button', { name: 'リンクを送る' }).click();
	await expect(page.getByText('再設定用のリンクを送りました')).toBeVisible();

	await page.goto(`/dev/mail?to=${encodeURIComponent(user.email)}`);
	const link = await page.getByRole('link', { name: /reset-password\?token=/ }).getAttribute('href');
	await page.goto(link!);
	await page.getByLabel('新しいパスワード', { exact: true }).fill('a fresh kanazawa secret');
	await page.getByLabel('新しいパスワード（確認）').fill('a fresh kanazawa secret');
	await page.getByRole('button', { name: 'パスワードを変更する' }).click();
	await expect(page.getByText('パスワードを変更しました')).toBeVisible();

	await page.goto(link!);
	await expect(page.getByText('このリンクは使えません')).toBeVisible();
});

test('a wrong password and an unknown email look the same, and repeated failures are throttled', async ({ page, makeUser }) => {
	const user = await makeUser();
	await page.goto('/login');
	await page.getByLabel('メールアドレス').fill(uniqueEmail('nobody'));
	await page.getByLabel('パスワード').fill('whatever password');
	await page.getByRole('button', { name: 'ログインする' }).click();
	await expect(page.getByText('メールアドレスかパスワードが違います。')).toBeVisible();

	for (let attempt = 0; attempt < 5; attempt++) {
		const response = await page.request.post('/login', {
			form: { email: user.email, password: `wrong guess ${attempt}` },
			headers: { origin: page.url().replace(/\/login.*$/, '') }
		});
		expect(response.status()).toBe(200);
	}
	await page.getByLabel('メールアドレス').fill(user.email);
	await page.getByLabel('パスワード').fill(user.password);
	await page.getByRole('button', { name: 'ログインする' }).click();
	await expect(page.getByText('ログインの失敗が続いたため')).toBeVisible();
});
