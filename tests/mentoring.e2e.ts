import { test, expect } from './fixtures';
import { newPage } from './support/pages';
import { e2eOrigin } from './environment';
import { japanDate } from '../src/lib/japan-time';
import { insertMember } from '../src/lib/server/membership/testing';
import { parseCsv } from '../src/lib/server/csv';
import { japanDateTime } from '../src/lib/japan-time';

const day = 24 * 60 * 60 * 1000;

/** The VEVENT blocks of an .ics text, each as a map of property name to (unfolded) value. */
function events(ics: string): Array<Record<string, string>> {
	const found: Array<Record<string, string>> = [];
	let current: Record<string, string> | null = null;
	for (const line of ics.replace(/\r\n /g, '').split('\r\n')) {
		if (line === 'BEGIN:VEVENT') current = {};
		else if (line === 'END:VEVENT') {
			found.push(current!);
			current = null;
		} else if (current) current[line.slice(0, line.indexOf(':'))] = line.slice(line.indexOf(':') + 1);
	}
	return found;
}

test('a mentor applies and is approved, signs up for a session, students fill it and its waitlist moves up, and attendance, CSV and calendar feed agree', async ({
	browser,
	request,
	database,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const suffix = Date.now().toString(36);
	const coordinator = await makeUser({ roles: ['coordinator'] });
	const staff = await newPage(browser);
	await logIn(staff, coordinator);

	// A coordinator adds the partner university.
	const partner = `犀川工業大学 ${suffix}`;
	await staff.goto('/coordinator/organisations');
	await expectAccessible(staff);
	await staff.getByLabel('団体名').fill(partner);
	await staff.getByLabel('種類').selectOption({ label: '大学・学校' });
	await staff.getByRole('button', { name: '追加する' }).click();
	await expect(staff.getByText('団体を追加しました。')).toBeVisible();
	await expect(staff.getByRole('row', { name: new RegExp(partner) })).toBeVisible();

	// Someone applies as a mentor, reading the code of conduct first.
	const applicant = await makeUser();
	const mentorPage = await newPage(browser);
	await logIn(mentorPage, applicant);
	await mentorPage.goto('/mentors/apply');
	await expect(mentorPage.getByRole('heading', { name: 'メンター行動規範（未成年の部員と活動するために）' })).toBeVisible();
	await expect(mentorPage.getByText('2. 一対一の閉じた場をつくりません')).toBeVisible();
	await expectAccessible(mentorPage);
	await mentorPage.getByLabel('氏名', { exact: true }).fill(`犀川 たける${suffix}`);
	await mentorPage.getByLabel('所属団体', { exact: true }).selectOption({ label: partner });
	await mentorPage.getByLabel('大学生・大学院生').check();
	await mentorPage.getByLabel('Python', { exact: true }).check();
	await mentorPage.getByLabel('プログラミングの基礎').check();
	await mentorPage.getByLabel('土曜日').check();
	await mentorPage.getByLabel('応募の動機').fill('地域の中高生の力になりたいです。');
	await mentorPage.getByRole('button', { name: 'メンターに申し込む' }).click();
	await expect(mentorPage.getByText('「メンター行動規範」を読んで、チェックを入れてください。')).toBeVisible();
	await expect(mentorPage.getByLabel('Python', { exact: true })).toBeChecked();
	await mentorPage.getByLabel('上の「メンター行動規範」をすべて読み、守ることに同意します').check();
	await mentorPage.getByRole('button', { name: 'メンターに申し込む' }).click();
	await expect(mentorPage.getByText('申し込みを受け付けました。')).toBeVisible();
	expect((await mentorPage.request.get('/mentor')).status()).toBe(403);

	// The coordinator reads the whole application and approves it.
	await staff.goto('/coordinator/mentors');
	await expectAccessible(staff);
	await staff.getByRole('link', { name: `確認する: 犀川 たける${suffix}` }).click();
	await expect(staff.getByText('地域の中高生の力になりたいです。')).toBeVisible();
	await expect(staff.getByText('2026-11版に同意')).toBeVisible();
	await expectAccessible(staff);
	await staff.getByRole('button', { name: '承認してメンターにする' }).click();
	await expect(staff.getByText('承認しました。本人にメールで知らせました。')).toBeVisible();
	await mentorPage.goto(`/dev/mail?to=${encodeURIComponent(applicant.email)}`);
	await expect(mentorPage.getByRole('heading', { name: '【金沢IT部活】メンターとして承認されました' })).toBeVisible();

	// The coordinator plans a session with one seat; the mentor signs up from the mentor page.
	const title = `活動日, Python; 入門 ${suffix}`;
	const date = japanDate(new Date(Date.now() + 10 * day));
	await staff.goto('/coordinator/sessions/new');
	await expectAccessible(staff);
	await staff.getByLabel('名前').fill(title);
	await staff.getByLabel('日付').fill(date);
	await staff.getByLabel('開始時刻').fill('13:30');
	await staff.getByLabel('終了時刻').fill('16:00');
	await staff.getByLabel('定員（部員）').fill('1');
	await staff.getByLabel('必要なメンターの人数').fill('1');
	await staff.getByRole('button', { name: '活動日を作る' }).click();
	await expect(staff.getByText('活動日を作りました。')).toBeVisible();
	const sessionId = /\/coordinator\/sessions\/([0-9a-f-]{36})/.exec(staff.url())![1]!;

	await mentorPage.goto('/mentor');
	await expectAccessible(mentorPage);
	await mentorPage.getByRole('button', { name: new RegExp(`^メンターとして参加する: ${title}`) }).click();
	await expect(mentorPage.getByText('メンターとして参加を登録しました。')).toBeVisible();
	await expect(mentorPage.getByRole('region', { name: '参加予定の活動日' }).getByRole('link', { name: title })).toBeVisible();

	// Two students answer: the first gets the seat, the second the waitlist.
	const [first, second] = [await makeUser({ roles: ['student'] }), await makeUser({ roles: ['student'] })];
	await insertMember(database.db, { userId: first.id, joinedOn: japanDate(), grade: 'jh2', fullName: `本名 ひみつ${suffix}`, schoolCode: 'k-kenroku' });
	const firstPage = await newPage(browser);
	const secondPage = await newPage(browser);
	await logIn(firstPage, first);
	await logIn(secondPage, second);
	await firstPage.goto(`/sessions/${sessionId}`);
	await expectAccessible(firstPage);
	await firstPage.getByRole('button', { name: '参加する' }).click();
	await expect(firstPage.getByText('参加を申し込みました。')).toBeVisible();
	await secondPage.goto(`/sessions/${sessionId}`);
	await secondPage.getByRole('button', { name: 'キャンセル待ちに登録する' }).click();
	await expect(secondPage.getByText('満席のため、キャンセル待ちに登録しました。')).toBeVisible();
	await expect(secondPage.getByText('あなたはキャンセル待ち 1番目です。')).toBeVisible();

	// The mentor sees the student by nickname and grade; the page data carries nothing more.
	await mentorPage.goto(`/sessions/${sessionId}`);
	await expect(mentorPage.getByRole('listitem').filter({ hasText: 'テスト部員（中2）' })).toBeVisible();
	const pageData = await (await mentorPage.request.get(`/sessions/${sessionId}/__data.json`)).text();
	expect(pageData).toContain('テスト部員');
	for (const secret of [`本名 ひみつ${suffix}`, 'k-kenroku', '兼六', first.email, second.email]) expect(pageData).not.toContain(secret);
	await expectAccessible(mentorPage);

	// The first student cancels: the second moves up at once and is told.
	await firstPage.getByRole('button', { name: '参加をキャンセルする' }).click();
	await expect(firstPage.getByText('キャンセルしました。')).toBeVisible();
	await secondPage.reload();
	await expect(secondPage.getByText('あなたは参加予定です。')).toBeVisible();
	await expect(secondPage.getByRole('link', { name: /^お知らせ\s*（未読 1件）$/ })).toBeVisible();
	await secondPage.getByRole('link', { name: /^お知らせ\s*（未読 1件）$/ }).click();
	await expectAccessible(secondPage);
	await secondPage.getByRole('link', { name: `参加が決まりました：${title}` }).click();
	await expect(secondPage).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
	await expect(secondPage.getByRole('link', { name: 'お知らせ', exact: true })).toBeVisible();
	await secondPage.goto(`/dev/mail?to=${encodeURIComponent(second.email)}`);
	await expect(secondPage.getByRole('heading', { name: `【金沢IT部活】参加が決まりました：${title}` })).toBeVisible();

	// The coordinator takes attendance from the check-in list and exports it.
	await staff.goto(`/coordinator/sessions/${sessionId}/attendance`);
	await expectAccessible(staff);
	await staff.getByLabel(`${second.displayName}さんの出席`).check();
	await staff.getByLabel(`${applicant.displayName}さんの出席`).check();
	await staff.getByRole('button', { name: '出欠を保存する' }).click();
	await expect(staff.getByText('出欠を保存しました。')).toBeVisible();
	await expect(staff.getByText('出席：部員 1人・メンター 1人').first()).toBeVisible();
	const csv = await staff.request.get(`/coordinator/sessions/${sessionId}/attendance.csv`);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const rows = parseCsv((await csv.body()).toString('utf8'));
	expect(rows[0]?.[0]).toBe(title);
	expect(rows[1]).toEqual(['区分', '部員番号', '氏名', 'ニックネーム', '学年', '所属', '申し込み', '出欠']);
	expect(rows.slice(2).map((row) => [row[0], row[2], row[5], row[7]])).toEqual([
		['部員', second.displayName, '', '出席'],
		['メンター', applicant.displayName, partner, '出席']
	]);
	await staff.goto('/coordinator/audit?action=attendance_exported');
	await expect(
		staff
			.getByRole('list', { name: '監査ログ' })
			.getByRole('listitem')
			.filter({ hasText: `${coordinator.displayName}さんが活動日「${title}` })
			.filter({ hasText: 'の出欠をCSVで書き出しました（2人）。' })
	).toHaveCount(1);

	// The dashboard counts the mentor under the partner.
	await staff.goto('/coordinator');
	await expect(staff.getByRole('row', { name: new RegExp(`${partner}\\s+1`) })).toBeVisible();
	await expectAccessible(staff);

	// The student's calendar feed parses: CRLF lines, escaped text, the start in UTC.
	await secondPage.goto('/sessions');
	await expectAccessible(secondPage);
	await secondPage.getByRole('button', { name: 'カレンダー用のURLを作る' }).click();
	const feedUrl = await secondPage.getByLabel('カレンダー用のURL').inputValue();
	expect(feedUrl).toMatch(new RegExp(`^${e2eOrigin}/calendar/[a-z2-7]{32}\\.ics$`));
	// Calendar apps send no cookie: the token alone opens the feed.
	const feed = await request.get(feedUrl);
	expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const ics = await feed.text();
	expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
	expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	const [event] = events(ics).filter((entry) => entry.UID === `${sessionId}@it-bukatsu-portal`);
	expect(event).toMatchObject({
		SUMMARY: `活動日\\, Python\\; 入門 ${suffix}`,
		DTSTART: japanDateTime(date, '13:30').toISOString().replace(/[-:]/g, '').replace('.000', ''),
		DTEND: japanDateTime(date, '16:00').toISOString().replace(/[-:]/g, '').replace('.000', ''),
		LOCATION: '金沢未来のまち創造館',
		STATUS: 'CONFIRMED',
		URL: `${e2eOrigin}/sessions/${sessionId}`
	});
	expect(event!.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
	expect((await secondPage.request.get('/calendar/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ics')).status()).toBe(404);

	// Deactivated, the mentor is refused on the very next request.
	await staff.goto('/coordinator/mentors');
	await staff
		.getByRole('group', { name: `${applicant.displayName}さんの操作` })
		.getByRole('button', { name: '停止する' })
		.click();
	await expect(staff.getByText('メンターを停止しました。')).toBeVisible();
	const refused = await mentorPage.goto('/mentor');
	expect(refused?.status()).toBe(403);
	await mentorPage.goto(`/sessions/${sessionId}`);
	await expect(mentorPage.getByText(/参加する人|テスト部員/)).toHaveCount(0);
});

test('students and mentors get 403 on the coordinators’ mentoring and session pages, and each role only its own actions', async ({ page, makeUser, logIn }) => {
	const id = crypto.randomUUID();
	const pages = [
		'/coordinator/mentors',
		`/coordinator/mentors/applications/${id}`,
		'/coordinator/organisations',
		`/coordinator/organisations/${id}`,
		'/coordinator/sessions',
		'/coordinator/sessions/new',
		`/coordinator/sessions/${id}`,
		`/coordinator/sessions/${id}/attendance`,
		`/coordinator/sessions/${id}/attendance.csv`
	];
	const actions = [
		'/coordinator/mentors?/deactivate',
		`/coordinator/mentors/applications/${id}?/approve`,
		'/coordinator/organisations?/add',
		'/coordinator/sessions/new?/save',
		`/coordinator/sessions/${id}?/cancel`,
		`/coordinator/sessions/${id}/attendance?/save`
	];
	const post = (path: string) =>
		page.request.post(path, { form: { userId: id, name: 'x', kind: 'company' }, headers: { origin: e2eOrigin, accept: 'application/json' } });
	for (const role of ['student', 'mentor'] as const) {
		await page.context().clearCookies();
		await logIn(page, await makeUser({ roles: [role] }));
		for (const path of pages) expect((await page.request.get(path)).status(), `${role} → ${path}`).toBe(403);
		for (const action of actions) expect((await post(action)).status(), `${role} → POST ${action}`).toBe(403);
		// A mentor cannot take a student's seat, nor a student sign up as a mentor.
		const other = role === 'student' ? 'signUp' : 'rsvp';
		expect((await post(`/sessions/${id}?/${other}`)).status(), `${role} → ${other}`).toBe(403);
	}
	await page.context().clearCookies();
	expect((await page.request.get('/notifications', { maxRedirects: 0 })).status()).toBe(303);
	expect((await page.request.get('/sessions', { maxRedirects: 0 })).status()).toBe(303);
	await page.goto('/mentors/apply');
	await expect(page.getByRole('link', { name: 'アカウントを作る' })).toHaveAttribute('href', '/register?as=mentor');
});
