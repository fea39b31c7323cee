// Groups, in Japanese: a coordinator makes a group, prints its join code with the QR link and assigns a mentor; a
// student opens the QR link, confirms and is in; the mentor sees the group's progress. A mentor outside the group gets
// a 404, a student's forged coordinator post a 403, and an expired code is refused with a reason.
import { test, expect } from './fixtures';
import { newPage } from './support/pages';
import { e2eOrigin } from './environment';

test('coordinator creates a group and its code, a student joins through the QR link, the assigned mentor sees progress', async ({
	browser,
	page,
	database,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const coordinator = await makeUser({ roles: ['coordinator'] });
	const mentor = await makeUser({ roles: ['mentor'] });
	const outsider = await makeUser({ roles: ['mentor'] });
	const student = await makeUser({ roles: ['student'] });
	const name = `初心者クラス ${Date.now().toString(36)}`;

	await logIn(page, coordinator);
	await page.goto('/coordinator/groups');
	await expectAccessible(page);
	await page.getByLabel('グループ名').fill(name);
	await page.getByLabel('説明（任意）').fill('土曜の午後のクラスです。');
	await page.getByRole('button', { name: 'グループを作る' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await expect(page.getByText('グループを作りました。')).toBeVisible();
	const groupId = page.url().match(/groups\/([0-9a-f-]{36})/)![1]!;

	await page.getByLabel('有効期間').selectOption('7');
	await page.getByRole('button', { name: '新しい参加コードを発行する' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
	await expect(page.getByRole('img', { name: 'グループに参加するページへのQRコード' })).toBeVisible();
	await expect(page.getByTestId('join-code-card')).toContainText(`/groups/join?code=${code}`);
	await page.getByLabel('メンター', { exact: true }).selectOption({ label: mentor.displayName });
	await page.getByRole('button', { name: '割り当てる' }).click();
	await expect(page.getByText('メンターを割り当てました。')).toBeVisible();
	await expect(page.getByText('新しい参加コードです。')).toHaveCount(0);
	await expect(page.getByText(/有効な参加コードがあります/)).toBeVisible();
	await expectAccessible(page);

	const studentPage = await newPage(browser);
	await logIn(studentPage, student);
	await studentPage.goto(`/groups/join?code=${code}`);
	await expect(studentPage.getByText('QRコードのコードが入力されています。')).toBeVisible();
	await expect(studentPage.getByLabel('参加コード')).toHaveValue(code);
	await expectAccessible(studentPage);
	// The link alone joined nothing: the student confirms.
	const groups = await import('../src/lib/server/groups');
	expect(await groups.memberPage(database.db, groupId, 1)).toMatchObject({ total: 0 });
	await studentPage.getByRole('button', { name: '参加する' }).click();
	await expect(studentPage.getByText(`「${name}」に参加しました。`)).toBeVisible();
	await expect(studentPage.getByRole('heading', { name })).toBeVisible();
	await expect(studentPage.getByText(`メンター：${mentor.displayName}`)).toBeVisible();
	await expectAccessible(studentPage);

	const mentorPage = await newPage(browser);
	await logIn(mentorPage, mentor);
	await mentorPage.goto('/groups');
	await mentorPage.getByRole('link', { name }).click();
	await expect(mentorPage.getByRole('heading', { level: 1, name: `${name}の進み具合` })).toBeVisible();
	await expect(mentorPage.getByRole('cell', { name: student.displayName })).toBeVisible();
	await expect(mentorPage.getByText('このページを開いたことは記録されます。')).toBeVisible();
	await expectAccessible(mentorPage);

	const outsiderPage = await newPage(browser);
	await logIn(outsiderPage, outsider);
	const refused = await outsiderPage.goto(`/groups/${groupId}`);
	expect(refused?.status()).toBe(404);
	await expect(outsiderPage.getByText(name)).toHaveCount(0);
	await outsiderPage.goto('/groups');
	await expect(outsiderPage.getByText('担当しているグループはありません。')).toBeVisible();

	const forged = await studentPage.request.post(`/coordinator/groups/${groupId}?/assignMentor`, {
		form: { mentorId: outsider.id },
		headers: { origin: e2eOrigin, accept: 'application/json' }
	});
	expect(forged.status()).toBe(403);
	expect(await outsiderPage.goto(`/groups/${groupId}`).then((response) => response?.status())).toBe(404);

	await page.goto('/coordinator/audit');
	await expect(page.getByText(`${mentor.displayName}さんがグループ「${name}」の進み具合のページを開きました。`)).toBeVisible();
});

test('an expired code is refused with a reason, and a malformed one is explained', async ({ page, database, makeUser, logIn }) => {
	const groups = await import('../src/lib/server/groups');
	const coordinator = await makeUser({ roles: ['coordinator'] });
	const student = await makeUser({ roles: ['student'] });
	const groupId = await groups.createGroup(database.db, coordinator, { name: `期限切れ ${Date.now().toString(36)}`, description: null });
	const issued = await groups.issueJoinCode(database.db, coordinator, groupId, 1, new Date(Date.now() - 2 * 86_400_000));
	if (!issued.ok) throw new Error(issued.problem);

	await logIn(page, student);
	await page.goto('/groups/join');
	await page.getByLabel('参加コード').fill(issued.code);
	await page.getByRole('button', { name: '参加する' }).click();
	await expect(page.getByText('この参加コードは期限が切れているか、使えなくなっています。')).toBeVisible();
	await expect(page.getByLabel('参加コード')).toHaveValue(issued.code);
	await page.getByLabel('参加コード').fill('ABC');
	await page.getByRole('button', { name: '参加する' }).click();
	await expect(page.getByText('参加コードは10文字です')).toBeVisible();
	expect(await groups.memberPage(database.db, groupId, 1)).toMatchObject({ total: 0 });
});
