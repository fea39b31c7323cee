import { test } from './fixtures';
import { e2eOrigin } from './environment';

test('screenshots', async ({ browser, database, makeUser, logIn }) => {
	test.setTimeout(300_000);
	const membership = await import('../src/lib/server/membership');
	const { applicationFormFor, consentTokenFromMail, createApplicant } = await import('../src/lib/server/membership/testing');
	const { createTestSession } = await import('../src/lib/server/sessions/testing');
	await createTestSession(database.db);
	const person = await createApplicant(database.db);
	const form = applicationFormFor({ fullName: '一覧 花子' });
	await membership.submitApplication(database.db, person.applicant, form, e2eOrigin);
	await membership.decideConsent(database.db, (await consentTokenFromMail(database.db, form.guardianEmail))!, 'consent');
	const coordinator = await makeUser({ roles: ['coordinator'] });
	const student = await makeUser({ roles: ['student'] });
	for (const width of [390, 1280]) {
		const context = await browser.newContext({ viewport: { width, height: 900 } });
		const page = await context.newPage();
		await page.goto('/');
		await page.screenshot({ path: `.shots/home-${width}.png`, fullPage: true });
		await logIn(page, student);
		await page.goto('/student');
		await page.screenshot({ path: `.shots/student-${width}.png`, fullPage: true });
		await page.goto('/settings');
		await page.getByLabel('表示名（ニックネーム）').fill('あ'.repeat(300));
		await page.getByLabel('表示名（ニックネーム）').screenshot({ path: `.shots/name-field-${width}.png` });
		await page.locator('form').filter({ has: page.getByLabel('表示名（ニックネーム）') }).screenshot({ path: `.shots/name-${width}.png` });
		await context.clearCookies();
		await logIn(page, coordinator);
		await page.goto('/coordinator/applications');
		await page.screenshot({ path: `.shots/applications-${width}.png`, fullPage: true });
		await page.goto('/coordinator/import');
		const csv = ['氏名,学校,学年,入部日,状態,状態の日付', 'とても長い名前の部員さんです本当に長い名前,どこかの学校,小6,2023/13/45,不明,'].join('\r\n') + '\r\n';
		await page.getByLabel('CSVファイル').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await page.getByRole('button', { name: '内容を確認する' }).click();
		await page.screenshot({ path: `.shots/import-${width}.png`, fullPage: true });
		await context.close();
	}
});
