import { test, expect } from './fixtures';
import { e2eOrigin } from './environment';
import { uniqueEmail } from '../src/lib/server/testing/factories';
import { encodeShiftJis } from '../src/lib/server/membership/testing';
import { parseCsv } from '../src/lib/server/csv';

const coordinatorPages = [
	'/coordinator',
	'/coordinator/applications',
	'/coordinator/members',
	'/coordinator/import',
	'/coordinator/audit',
	'/coordinator/members/export.csv',
	'/coordinator/report.csv'
];

test('a coordinator imports last year’s roster, a new student joins with a guardian’s consent, and the chart and CSV agree', async ({
	browser,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const coordinator = await makeUser({ roles: ['coordinator'] });
	const staff = await (await browser.newContext()).newPage();
	await logIn(staff, coordinator);

	// The old roster, as Excel in Japan saves "CSV" (Shift_JIS), with one bad row first.
	const suffix = Date.now().toString(36);
	const roster = (rows: string[]) => encodeShiftJis(['氏名,学校,学年,入部日,状態,状態の日付', ...rows].join('\r\n') + '\r\n');
	const good = [`犀川 一郎${suffix},金沢市立紫錦台中学校,中3,2023/4/15,,`, `浅野 花子${suffix},兼六中学校,高1,2023/5/20,卒業,2024/3/31`];
	await staff.goto('/coordinator/import');
	await expectAccessible(staff);
	await staff
		.getByLabel('CSVファイル')
		.setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(roster([...good, `卯辰 三郎${suffix},泉中学校,小6,2023/6/1,,`])) });
	await staff.getByRole('button', { name: '内容を確認する' }).click();
	await expect(staff.getByText('新しく取り込む 2人 ・ 取り込み済み（変更なし） 0人 ・ 問題あり 1行')).toBeVisible();
	await expect(staff.getByRole('row', { name: /4 卯辰 三郎.*学年が読めません/ })).toBeVisible();
	await expect(staff.getByRole('button', { name: /取り込む$/ })).toHaveCount(0);

	await staff.getByLabel('CSVファイル').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(roster(good)) });
	await staff.getByRole('button', { name: '内容を確認する' }).click();
	await expect(staff.getByText('文字コード：Shift_JIS')).toBeVisible();
	await staff.getByRole('button', { name: '2人を取り込む' }).click();
	await expect(staff.getByText('2人を取り込みました')).toBeVisible();
	await staff.getByLabel('CSVファイル').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(roster(good)) });
	await staff.getByRole('button', { name: '内容を確認する' }).click();
	await expect(staff.getByText('新しく取り込む 0人 ・ 取り込み済み（変更なし） 2人 ・ 問題あり 0行')).toBeVisible();

	// A new student applies.
	const applicant = await makeUser();
	const student = await (await browser.newContext()).newPage();
	await logIn(student, applicant);
	await student.goto('/join');
	await expectAccessible(student);
	await expect(student.getByRole('heading', { name: '集める情報と、その使い道' })).toBeVisible();
	const guardianEmail = uniqueEmail('guardian');
	await student.getByLabel('ニックネーム').fill('こまちゃん');
	await student.getByLabel('氏名', { exact: true }).fill(`小松 こまち${suffix}`);
	await student.getByLabel('学校', { exact: true }).selectOption({ label: '金沢市立兼六中学校' });
	await student.getByLabel('中2').check();
	await student.getByLabel('保護者の方の氏名').fill('小松 保護者');
	await student.getByLabel('保護者の方のメールアドレス').fill(guardianEmail);
	await student.getByRole('button', { name: '申し込む' }).click();
	await expect(student.getByText('「集める情報と、その使い道」を読んで、チェックを入れてください。')).toBeVisible();
	await expect(student.getByLabel('ニックネーム')).toHaveValue('こまちゃん');
	await student.getByLabel('上の「集める情報と、その使い道」を読みました').check();
	await student.getByRole('button', { name: '申し込む' }).click();
	await expect(student.getByText('保護者の方の同意を待っています。')).toBeVisible();

	// The guardian reads the mail and consents; the link works once.
	const guardian = await (await browser.newContext()).newPage();
	await guardian.goto(`/dev/mail?to=${encodeURIComponent(guardianEmail)}`);
	await expect(guardian.getByRole('heading', { name: `【金沢IT部活】小松 こまち${suffix}さんの入部への同意のお願い` })).toBeVisible();
	const link = (await guardian.getByRole('link', { name: /\/consent\// }).getAttribute('href'))!;
	await guardian.goto(link);
	await expect(guardian.getByRole('heading', { name: '入部への同意のお願い' })).toBeVisible();
	await expect(guardian.getByText('金沢市立兼六中学校')).toBeVisible();
	await expectAccessible(guardian);
	await guardian.getByRole('button', { name: '同意する', exact: true }).click();
	await expect(guardian.getByText('同意いただき、ありがとうございました。')).toBeVisible();
	await guardian.goto(link);
	await expect(guardian.getByText('このリンクは使えません')).toBeVisible();

	// The coordinator approves.
	await staff.goto('/coordinator/applications');
	await expectAccessible(staff);
	await staff.getByRole('link', { name: `確認する: 小松 こまち${suffix}` }).click();
	await staff.getByRole('button', { name: '承認して部員にする' }).click();
	await expect(staff.getByText(/承認しました。部員番号は KIB-\d{4}-\d{4} です。/)).toBeVisible();
	await expect(staff.getByText(applicant.email)).toBeVisible();
	await expectAccessible(staff);

	await student.goto('/student');
	await expect(student.getByRole('heading', { name: '部員ページ' })).toBeVisible();
	await student.goto(`/dev/mail?to=${encodeURIComponent(applicant.email)}`);
	await expect(student.getByRole('heading', { name: '【金沢IT部活】入部が決まりました' })).toBeVisible();

	// The dashboard's number is the CSV's number.
	await staff.goto('/coordinator');
	await expectAccessible(staff);
	const shown = Number((await staff.getByTestId('kpi-cumulative').textContent())!.replace(/,/g, ''));
	expect(shown).toBeGreaterThanOrEqual(3);
	const response = await staff.request.get('/coordinator/report.csv');
	expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const body = await response.body();
	expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const rows = parseCsv(body.toString('utf8'));
	expect(rows.find((row) => row[0] === '累計の部員数')?.[1]).toBe(String(shown));
	await staff.getByText('表で見る: 累計の部員数と目標').click();
	const lastMonth = rows.filter((row) => /^\d{4}-\d{2}$/.test(row[0] ?? '') && row[2] !== '').at(-1)!;
	expect(lastMonth[2]).toBe(String(shown));

	// Looking at a member and exporting are in the audit log.
	await staff.goto('/coordinator/members?q=' + encodeURIComponent(suffix));
	await expect(staff.getByText('3人', { exact: true })).toBeVisible();
	const exported = await staff.request.get(`/coordinator/members/export.csv?q=${encodeURIComponent(suffix)}`);
	expect(parseCsv((await exported.body()).toString('utf8'))).toHaveLength(4);
	await staff.goto('/coordinator/audit');
	const entries = staff.getByRole('list', { name: '監査ログ' }).getByRole('listitem');
	await expect(entries.filter({ hasText: `${coordinator.displayName}さんが名簿をCSVで書き出しました（3人、検索「${suffix}」）。` }).first()).toBeVisible();
	await expect(entries.filter({ hasText: 'の詳細を見ました。' }).first()).toBeVisible();
	await expectAccessible(staff);
});

test('students and mentors get 403 on every coordinator page, export and action', async ({ page, makeUser, logIn }) => {
	// Any id will do: the pages must refuse before looking anything up.
	const id = crypto.randomUUID();
	const paths = [...coordinatorPages, `/coordinator/members/${id}`, `/coordinator/applications/${id}`];
	for (const role of ['student', 'mentor'] as const) {
		await page.context().clearCookies();
		await logIn(page, await makeUser({ roles: [role] }));
		for (const path of paths) {
			const response = await page.request.get(path);
			expect(response.status(), `${role} → ${path}`).toBe(403);
		}
		for (const action of [
			'/coordinator?/target',
			`/coordinator/applications/${id}?/approve`,
			`/coordinator/members/${id}?/anonymise`,
			'/coordinator/import?/import'
		]) {
			const response = await page.request.post(action, {
				form: { targetCount: '1', targetDate: '2030-01-01', confirm: 'on', text: 'x' },
				headers: { origin: e2eOrigin, accept: 'application/json' }
			});
			expect(response.status(), `${role} → POST ${action}`).toBe(403);
		}
	}
	await page.context().clearCookies();
	const anonymous = await page.request.get('/coordinator/report.csv', { maxRedirects: 0 });
	expect(anonymous.status()).toBe(401);
});

test('a member downloads their own data and asks for deletion', async ({ page, makeUser, logIn, expectAccessible }) => {
	const person = await makeUser();
	await logIn(page, person);
	await page.goto('/me/data');
	await expectAccessible(page);
	const download = await page.request.get('/me/data/download.json');
	expect(download.status()).toBe(200);
	expect(await download.json()).toMatchObject({ account: { email: person.email }, membership: null, applications: [] });
	// Neither a member nor an applicant: there is nothing to delete, and no button pretends otherwise.
	await expect(page.getByText('削除するデータはもうありません。')).toBeVisible();
	await expect(page.getByRole('button', { name: /削除を頼む|申し込みの記録を消す/ })).toHaveCount(0);
});
