// The audit log reads as sentences: who did what to whom (name and member number), when, with links; the filter
// names every kind of entry in words, never a raw code.
import { test, expect } from './fixtures';

test('a coordinator reads the audit log as sentences and follows a link to the member', async ({ browser, makeUser, logIn, expectAccessible }) => {
	const coordinator = await makeUser({ roles: ['coordinator'] });
	const page = await (await browser.newContext()).newPage();
	await logIn(page, coordinator);
	const suffix = Date.now().toString(36);
	const name = `監査 さくら${suffix}`;

	// Import a one-line roster, open the new member's page, export the roster filtered by grade.
	await page.goto('/coordinator/import');
	const csv = ['氏名,学校,学年,入部日,状態,状態の日付', `${name},金沢市立紫錦台中学校,中2,2024/4/15,,`].join('\r\n') + '\r\n';
	await page.getByLabel('CSVファイル').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.getByRole('button', { name: '内容を確認する' }).click();
	await page.getByRole('button', { name: '1人を取り込む' }).click();
	await expect(page.getByText('1人を取り込みました')).toBeVisible();
	await page.goto(`/coordinator/members?q=${encodeURIComponent(name)}`);
	await page
		.getByRole('row', { name: new RegExp(name) })
		.getByRole('link')
		.click();
	await expect(page).toHaveURL(/\/coordinator\/members\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/KIB-\d{4}-\d{4}/);
	const memberUrl = new URL(page.url()).pathname;
	const memberNumber = (await page.getByRole('heading', { level: 1 }).textContent())!.match(/KIB-\d{4}-\d{4}/)![0];

	await page.goto('/coordinator/audit');
	await expectAccessible(page);
	const entries = page.getByRole('list', { name: '監査ログ' });
	const me = coordinator.displayName;
	await expect(entries.getByRole('listitem').filter({ hasText: `${me}さんが${name}（会員番号 ${memberNumber}）の詳細を見ました。` })).toBeVisible();
	await expect(
		entries.getByRole('listitem').filter({ hasText: `${me}さんが名簿を取り込みました（新しく1人、変更なし0人、文字コード UTF-8）。` })
	).toBeVisible();
	// Nothing raw: no action codes, no ids, no key: value details.
	const text = (await page.locator('main').textContent())!;
	for (const raw of ['member_viewed', 'roster_imported', 'review_viewed', 'applicationId', 'encoding:', 'imported:']) expect(text).not.toContain(raw);
	expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);

	// The filter speaks words; choosing one shows only those entries.
	const filter = page.getByLabel('操作');
	await expect(filter.locator('option', { hasText: 'レビューのやりとりを閲覧' })).toHaveCount(1);
	await filter.selectOption({ label: '部員の詳細を表示' });
	await page.getByRole('button', { name: '絞り込む' }).click();
	await expect(page).toHaveURL(/action=member_viewed/);
	await expect(entries.getByRole('listitem').first()).toContainText('の詳細を見ました。');
	await expect(entries.getByRole('listitem').filter({ hasText: '名簿を取り込みました' })).toHaveCount(0);

	// The member's name is a link to their page.
	await entries
		.getByRole('link', { name: `${name}（会員番号 ${memberNumber}）` })
		.first()
		.click();
	await expect(page).toHaveURL(new RegExp(`${memberUrl}$`));
});

test('the audit log is the coordinators’ only', async ({ browser, makeUser, logIn }) => {
	for (const role of ['student', 'mentor'] as const) {
		const page = await (await browser.newContext()).newPage();
		await logIn(page, await makeUser({ roles: [role] }));
		expect((await page.request.get('/coordinator/audit')).status(), role).toBe(403);
		expect(await (await page.request.get('/coordinator/audit/__data.json')).text(), role).not.toContain('actorName');
	}
});
