// The smaller things people tripped over, and what they looked for and did not find: grades that read as one, a
// roster import whose problems can be read on a phone, deleting an application only when meant, a display name that
// is explained rather than cut, the next club sessions on the home pages, the club's contact, and approving straight
// from the list of applications.
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { e2eOrigin } from './environment';

async function newPage(browser: Browser, width = 1280): Promise<Page> {
	return (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
}

test('a member’s grade now and at registration read as two things', async ({ browser, database, makeUser, logIn }) => {
	const { insertMember } = await import('../src/lib/server/membership/testing');
	const member = await insertMember(database.db, { joinedOn: '2021-04-10', grade: 'jh1' });
	const page = await newPage(browser);
	await logIn(page, await makeUser({ roles: ['coordinator'] }));
	await page.goto('/coordinator/members');
	await page.goto(`/coordinator/members/${member.id}`);
	const grade = page.locator('dt', { hasText: '学年（今年度）' }).locator('xpath=following-sibling::dd[1]');
	await expect(grade).toHaveText('高3（2021年度の登録時は中1）');
});

test('the roster import’s problems keep a readable width on a phone', async ({ browser, makeUser, logIn }) => {
	const page = await newPage(browser, 390);
	await logIn(page, await makeUser({ roles: ['coordinator'] }));
	await page.goto('/coordinator/import');
	const csv = ['氏名,学校,学年,入部日,状態,状態の日付', 'とても長い名前の部員さんです本当に長い名前,どこかの学校,小6,2023/13/45,不明,'].join('\r\n') + '\r\n';
	await page.getByLabel('CSVファイル').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.getByRole('button', { name: '内容を確認する' }).click();
	const problems = page.locator('.problem-table td:last-child').first();
	await expect(problems).toContainText('学年が読めません');
	expect((await problems.boundingBox())!.width).toBeGreaterThanOrEqual(176);
	// On a 390 px phone the table fits: nothing of the problems is hidden to the side.
	expect(await page.locator('.problem-table').evaluate((table) => table.parentElement!.scrollWidth <= table.parentElement!.clientWidth)).toBe(true);
});

test('someone who is not a member erases their application only when they tick that they mean it, once', async ({ browser, database, logIn }) => {
	const membership = await import('../src/lib/server/membership');
	const { applicationFormFor, createApplicant } = await import('../src/lib/server/membership/testing');
	const person = await createApplicant(database.db);
	expect(await membership.submitApplication(database.db, person.applicant, applicationFormFor(), e2eOrigin)).toEqual({ ok: true });
	const page = await newPage(browser);
	await logIn(page, person);
	await page.goto('/me/data');
	await page.getByRole('button', { name: '申し込みの記録を消す' }).click();
	await expect(page.getByText('消してよければ、チェックを入れてください。').first()).toBeVisible();
	expect(await membership.latestApplication(database.db, person.id)).not.toBeNull();
	await page.getByLabel('申し込みの記録はすぐに消え、元に戻せません。消してよければチェックしてください。').check();
	await page.getByRole('button', { name: '申し込みの記録を消す' }).click();
	await expect(page.getByText('申し込みの記録を削除しました。')).toBeVisible();
	await expect(page.getByText('削除するデータはもうありません。')).toBeVisible();
	await expect(page.getByRole('button', { name: '申し込みの記録を消す' })).toHaveCount(0);
	expect(await membership.latestApplication(database.db, person.id)).toBeNull();
});

test('a display name that is too long is explained, never cut', async ({ browser, makeUser, logIn }) => {
	const page = await newPage(browser, 390);
	await logIn(page, await makeUser());
	await page.goto('/settings');
	const field = page.getByLabel('表示名（ニックネーム）');
	const long = 'あ'.repeat(300);
	await field.fill(long);
	await expect(field).toHaveValue(long);
	await expect(page.getByText('300/40文字：260文字多すぎます。40文字以内にしてください。')).toBeVisible();
	await page.getByRole('button', { name: '保存する', exact: true }).click();
	await expect(page.getByText('表示名は40文字以内にしてください。')).toBeVisible();
	await expect(page.getByLabel('表示名（ニックネーム）')).toHaveValue(long);
	await page.getByLabel('表示名（ニックネーム）').fill('かなざわ');
	await expect(page.getByText('4/40文字')).toBeVisible();
	await page.getByRole('button', { name: '保存する', exact: true }).click();
	await expect(page.getByText('保存しました。')).toBeVisible();
});

test('the next club sessions are on the public home page and the student’s, with the club’s contact', async ({
	browser,
	database,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const { createSession } = await import('../src/lib/server/club-sessions');
	const coordinator = await makeUser({ roles: ['coordinator'] });
	const startsAt = new Date(Date.now() + 60 * 60 * 1000);
	const title = `もうすぐの活動日 ${Date.now().toString(36)}`;
	const sessionId = await createSession(
		database.db,
		{ id: coordinator.id, displayName: coordinator.displayName },
		{
			title,
			startsAt,
			endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000),
			venue: '金沢未来のまち創造館',
			onlineUrl: 'https://meet.example.jp/secret-room',
			capacity: 10,
			mentorsNeeded: 1,
			notes: null
		}
	);

	const visitor = await newPage(browser, 390);
	await visitor.goto('/');
	const upcoming = visitor.getByRole('region', { name: 'これからの活動日' });
	await expect(upcoming).toContainText(title);
	await expect(upcoming).toContainText('金沢未来のまち創造館');
	await expect(visitor.locator('main')).not.toContainText('secret-room');
	const contact = visitor.getByRole('region', { name: '事務局へのお問い合わせ' });
	await expect(contact.getByRole('link', { name: 'it-bukatsu@kanazawa.example' })).toHaveAttribute('href', 'mailto:it-bukatsu@kanazawa.example');
	await expect(contact.getByRole('link', { name: '076-000-0000' })).toHaveAttribute('href', 'tel:0760000000');
	await expectAccessible(visitor);

	const student = await newPage(browser);
	await logIn(student, await makeUser({ roles: ['student'] }));
	await student.goto('/student');
	const next = student.getByRole('region', { name: 'これからの活動日' });
	const item = next.getByRole('listitem').filter({ hasText: title });
	await expect(item).toContainText('まだ申し込んでいません');
	await item.getByRole('link', { name: title }).click();
	await expect(student).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
	await student.getByRole('button', { name: '参加する' }).click();
	await expect(student.getByText('参加を申し込みました。')).toBeVisible();
	await student.goto('/student');
	await expect(next.getByRole('listitem').filter({ hasText: title })).toContainText('参加予定');
});

test('a guardian reads the club’s contact on the consent page', async ({ browser, database }) => {
	const membership = await import('../src/lib/server/membership');
	const { applicationFormFor, consentTokenFromMail, createApplicant } = await import('../src/lib/server/membership/testing');
	const person = await createApplicant(database.db);
	const form = applicationFormFor();
	expect(await membership.submitApplication(database.db, person.applicant, form, e2eOrigin)).toEqual({ ok: true });
	const token = await consentTokenFromMail(database.db, form.guardianEmail);
	const guardian = await newPage(browser, 390);
	await guardian.goto(`/consent/${token}`);
	await expect(guardian.getByRole('heading', { name: '入部への同意のお願い' })).toBeVisible();
	await expect(guardian.getByRole('region', { name: '事務局へのお問い合わせ' })).toContainText('076-000-0000');
});

test('a coordinator approves an application straight from the list', async ({ browser, database, makeUser, logIn }) => {
	const membership = await import('../src/lib/server/membership');
	const { applicationFormFor, consentTokenFromMail, createApplicant } = await import('../src/lib/server/membership/testing');
	const person = await createApplicant(database.db);
	const fullName = `一覧 承認${Date.now().toString(36)}`;
	const form = applicationFormFor({ fullName });
	expect(await membership.submitApplication(database.db, person.applicant, form, e2eOrigin)).toEqual({ ok: true });
	expect(await membership.decideConsent(database.db, (await consentTokenFromMail(database.db, form.guardianEmail))!, 'consent')).toBe(true);

	const page = await newPage(browser);
	await logIn(page, await makeUser({ roles: ['coordinator'] }));
	await page.setViewportSize({ width: 390, height: 900 });
	await page.goto('/coordinator/applications');
	// On a phone the table scrolls inside its card; the page itself stays as wide as the screen.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await page.getByRole('button', { name: `承認する: ${fullName}` }).click();
	await expect(page.getByText(new RegExp(`${fullName}さんを承認しました。部員番号は KIB-\\d{4}-\\d{4} です。`))).toBeVisible();
	await expect(page.getByRole('row', { name: new RegExp(fullName) })).toHaveCount(0);
	expect(await membership.findMemberByUser(database.db, person.id)).toMatchObject({ fullName, status: 'active' });

	// A student cannot approve anyone, not even by posting the form.
	const student = await newPage(browser);
	await logIn(student, await makeUser({ roles: ['student'] }));
	const forged = await student.request.post('/coordinator/applications?/approve', {
		form: { id: crypto.randomUUID() },
		headers: { origin: e2eOrigin, accept: 'application/json' }
	});
	expect(forged.status()).toBe(403);
});
