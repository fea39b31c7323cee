// The funnel page in a real browser: reached from the dashboard, drawn without JavaScript, the what-if and the period
// as GET forms that work without it (and keep what was typed when it is wrong), accessible at laptop and phone widths,
// the CSV as Excel in Japan reads it and in the audit log; students and mentors are refused.
import { test, expect } from './fixtures';
import { parseCsv } from '../src/lib/server/csv';
import { japanDate } from '../src/lib/japan-time';
import { insertApplicant, insertReferralCode, recordVisits } from '../src/lib/server/dashboard/testing';

test('a coordinator reads the funnel, tries a what-if and a period without JavaScript, and exports it', async ({
	browser,
	database,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const suffix = Date.now().toString(36);
	const name = `E2Eチラシ${suffix}`;
	const codeId = await insertReferralCode(database.db, { code: `e2e-${suffix}`, name, channel: 'flyer' });
	await recordVisits(database.db, codeId, japanDate(), 17);
	await insertApplicant(database.db, { sentAt: new Date().toISOString(), status: 'awaiting_consent', codeId });
	const coordinator = await makeUser({ roles: ['coordinator'] });

	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
	const page = await context.newPage();
	await logIn(page, coordinator);
	await page.goto('/coordinator');
	await page.getByRole('link', { name: '入部ファネル・定着率' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '入部ファネルと定着' })).toBeVisible();
	await expect(page.getByTestId('funnel-computed-at')).toContainText('集計した時刻');
	const funnel = page.getByRole('figure', { name: /^入部までの流れ/ });
	await expect(funnel.getByRole('img')).toHaveAttribute('aria-label', /紹介リンクへの訪問 \d+/);
	await expect(funnel.locator('rect').first()).toBeAttached();
	const codeRow = page.getByRole('region', { name: '紹介コード別' }).getByRole('row', { name: new RegExp(name) });
	await expect(codeRow.getByRole('cell').first()).toHaveText('17');
	await expect(page.getByTestId('pace-actual')).toContainText('月');

	// The what-if, sent as a GET form.
	await page.getByLabel('申込が毎月あと何件増えたら').fill('3');
	await page.getByLabel('体験会の予約が毎月あと何件増えたら').fill('2');
	await page.getByRole('button', { name: '試算する' }).click();
	await expect(page).toHaveURL(/applications=3/);
	await expect(page.getByTestId('scenario')).toContainText(/この場合のペースは月[\d.]+人/);
	await expect(page.getByLabel('申込が毎月あと何件増えたら')).toHaveValue('3');
	// A wrong number keeps what was typed and says why.
	await page.getByLabel('申込が毎月あと何件増えたら').fill('-1');
	await page.getByRole('button', { name: '試算する' }).click();
	await expect(page.getByText('0から1000までの整数で入力してください。')).toBeVisible();
	await expect(page.getByLabel('申込が毎月あと何件増えたら')).toHaveValue('-1');
	await expect(page.getByTestId('scenario')).toHaveCount(0);

	// Another period.
	await page.getByRole('combobox', { name: '期間' }).selectOption('all');
	await page.getByRole('button', { name: '表示', exact: true }).click();
	await expect(page).toHaveURL(/period=all/);
	await expect(page.getByRole('combobox', { name: '期間' })).toHaveValue('all');
	await context.close();

	for (const width of [1280, 390]) {
		const accessible = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
		await logIn(accessible, coordinator);
		await accessible.goto('/coordinator/funnel?applications=2');
		await expectAccessible(accessible);
		expect(await accessible.evaluate(() => document.documentElement.scrollWidth), `${width}: page width`).toBeLessThanOrEqual(width);
		await accessible.context().close();
	}

	// The CSV: UTF-8 with a BOM, Japanese headers, the code's visits; then the export is in the audit log.
	const staff = await (await browser.newContext()).newPage();
	await logIn(staff, coordinator);
	const response = await staff.request.get('/coordinator/funnel.csv?period=all');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(response.headers()['content-disposition']).toMatch(/kanazawa-itbu-funnel-\d{4}-\d{2}-\d{2}\.csv/);
	const body = await response.body();
	expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const rows = parseCsv(body.toString('utf8'));
	expect(rows.some((row) => row[0] === '月' && row.includes('保護者の同意'))).toBe(true);
	expect(rows.find((row) => row[0] === `${name}（e2e-${suffix}）`)?.[1]).toBe('17');
	await staff.goto('/coordinator/audit');
	await expect(
		staff
			.getByRole('list', { name: '監査ログ' })
			.getByRole('listitem')
			.filter({ hasText: `${coordinator.displayName}さんが入部ファネルと定着率（` })
			.first()
	).toBeVisible();
});

test('students and mentors get 403 on the funnel and its CSV; a visitor is sent to log in', async ({ page, makeUser, logIn }) => {
	for (const role of ['student', 'mentor'] as const) {
		await page.context().clearCookies();
		await logIn(page, await makeUser({ roles: [role] }));
		for (const path of [
			'/coordinator/funnel',
			'/coordinator/funnel?period=all&applications=5',
			'/coordinator/funnel.csv',
			'/coordinator/funnel.csv?period=all'
		]) {
			const response = await page.request.get(path);
			expect(response.status(), `${role} → ${path}`).toBe(403);
		}
	}
	await page.context().clearCookies();
	expect((await page.request.get('/coordinator/funnel.csv', { maxRedirects: 0 })).status()).toBe(401);
	await page.goto('/coordinator/funnel');
	await expect(page).toHaveURL(/\/login/);
});
