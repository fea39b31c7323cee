// Code review, end to end in Japanese: a mentor applies and is approved, a student asks for help on a wrong answer,
// the mentor claims it from the queue and comments on line 3, the student sees the comment in the editor, replies
// and submits the fixed code, which goes to the mentor as the second submission, and the mentor approves it. Plus what others must not see.
import { test, expect } from './fixtures';
import { newPage } from './support/pages';
import { requestedReview } from './support/reviews';
import { codeEditor, pasteProgram } from './editor';
import { insertMember } from '../src/lib/server/membership/testing';
import { japanDate } from '../src/lib/japan-time';
import { slowWork } from './environment';

// hello-name: "こんにちは、<name>さん". The first try forgets the greeting's ending on line 3.
const wrong = 'name = input()\n# あいさつ\nprint("こんにちは、" + name)\n';
const fixed = 'name = input()\n# あいさつ\nprint("こんにちは、" + name + "さん")\n';

test('apply, approve, ask for help, claim, comment on line 3, see it in the editor, reply, resubmit, approve', async ({
	browser,
	database,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const suffix = Date.now().toString(36);

	// A mentor applies and a coordinator approves.
	const applicant = await makeUser();
	const mentorPage = await newPage(browser);
	await logIn(mentorPage, applicant);
	await mentorPage.goto('/mentors/apply');
	await mentorPage.getByLabel('氏名', { exact: true }).fill(`浅野 みらい${suffix}`);
	await mentorPage.getByLabel('所属団体', { exact: true }).selectOption({ label: 'その他（下に団体名を入力）' });
	await mentorPage.getByLabel('所属団体の名前（「その他」のとき）').fill('金沢エンジニア会');
	await mentorPage.getByLabel('企業のエンジニア').check();
	await mentorPage.getByLabel('Python', { exact: true }).check();
	await mentorPage.getByLabel('オンラインでのコードレビュー（時間を問わず）').check();
	await mentorPage.getByLabel('応募の動機').fill('コードレビューで中高生を応援したいです。');
	await mentorPage.getByLabel('上の「メンター行動規範」をすべて読み、守ることに同意します').check();
	await mentorPage.getByRole('button', { name: 'メンターに申し込む' }).click();
	await expect(mentorPage.getByText('申し込みを受け付けました。')).toBeVisible();

	const staff = await newPage(browser);
	await logIn(staff, await makeUser({ roles: ['coordinator'] }));
	await staff.goto('/coordinator/mentors');
	await staff.getByRole('link', { name: `確認する: 浅野 みらい${suffix}` }).click();
	await staff.getByRole('button', { name: '承認してメンターにする' }).click();
	await expect(staff.getByText('承認しました。本人にメールで知らせました。')).toBeVisible();

	// A student (nickname ひかり, real name and school on record) submits a wrong answer and asks for help.
	const student = await makeUser({ roles: ['student'] });
	const realName = `本名 ひみつ${suffix}`;
	const member = await insertMember(database.db, { userId: student.id, joinedOn: japanDate(), grade: 'jh2', fullName: realName, schoolCode: 'k-kenroku' });
	const { members } = await import('../src/lib/server/membership/schema');
	const { eq } = await import('drizzle-orm');
	await database.db
		.update(members)
		.set({ nickname: `ひかり${suffix}` })
		.where(eq(members.id, member.id));
	const studentPage = await newPage(browser);
	await logIn(studentPage, student);
	await studentPage.goto('/exercises/hello-name');
	await codeEditor(studentPage);
	await pasteProgram(studentPage, wrong);
	await studentPage.getByRole('button', { name: '提出する' }).click();
	const result = studentPage.getByRole('region', { name: '判定の結果' });
	await expect(result.getByRole('heading', { name: '不正解 (WA)' })).toBeVisible({ timeout: slowWork });
	await studentPage.getByRole('link', { name: '提出の記録(1)' }).click();
	await studentPage.getByRole('link', { name: 'プログラムと結果を見る' }).click();
	await expect(studentPage.getByRole('heading', { name: 'メンターに見てもらう' })).toBeVisible();
	await expectAccessible(studentPage);
	// "Help" needs a question: the form says so and keeps the choice.
	await studentPage.getByRole('button', { name: 'メンターに送る' }).click();
	await expect(studentPage.getByText('困っていることを書いてください。')).toBeVisible();
	await expect(studentPage.getByLabel('相談する')).toBeChecked();
	await studentPage.getByLabel('困っていること').fill('3行目で「さん」が出ません。どこがちがいますか？');
	await studentPage.getByRole('button', { name: 'メンターに送る' }).click();
	await expect(studentPage.getByText('1回目の提出としてメンターに送りました。')).toBeVisible();
	const requestId = /\/reviews\/([0-9a-f-]{36})/.exec(studentPage.url())![1]!;
	await expectAccessible(studentPage);

	// The mentor finds it in the queue (nickname and grade only) and claims it.
	await mentorPage.goto('/mentor');
	await mentorPage.getByRole('link', { name: 'レビューのキューを開く' }).click();
	await expectAccessible(mentorPage);
	const entry = mentorPage.getByRole('listitem').filter({ hasText: `ひかり${suffix}さん（中2）` });
	await expect(entry).toContainText('ヒントの相談');
	await expect(entry).toContainText('待っています');
	await expect(mentorPage.locator('main')).not.toContainText(realName);
	await entry.getByRole('button', { name: /^引き受ける/ }).click();
	await expect(mentorPage).toHaveURL(new RegExp(`/mentor/reviews/${requestId}$`));
	await expect(mentorPage.getByText('3行目で「さん」が出ません。')).toBeVisible();

	// What the page sends the mentor holds nothing personal about the student.
	const pageData = await (await mentorPage.request.get(`/mentor/reviews/${requestId}/__data.json`)).text();
	expect(pageData).toContain(`ひかり${suffix}`);
	for (const secret of [realName, student.email, student.displayName, '兼六', 'k-kenroku']) expect(pageData).not.toContain(secret);

	// Another mentor cannot read the claimed request; another student cannot read the discussion.
	const otherMentor = await newPage(browser);
	await logIn(otherMentor, await makeUser({ roles: ['mentor'] }));
	expect((await otherMentor.request.get(`/mentor/reviews/${requestId}`)).status()).toBe(404);
	const otherStudent = await newPage(browser);
	await logIn(otherStudent, await makeUser({ roles: ['student'] }));
	expect((await otherStudent.request.get(`/reviews/${requestId}`)).status()).toBe(404);
	expect((await otherStudent.request.get(`/mentor/reviews`)).status()).toBe(403);

	// The mentor clicks line 3 in the read-only editor and comments on it, then posts "needs changes".
	await expect(mentorPage.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
	await mentorPage.locator('.monaco-editor .view-line').nth(2).click();
	await expect(mentorPage.getByLabel('行番号')).toHaveValue('3');
	await mentorPage.getByLabel('コメント', { exact: true }).fill('ここで `name` のあとに **「さん」** をつなげましょう。<script>alert(1)</script>');
	await mentorPage.getByRole('button', { name: '行コメントを追加（下書き）' }).click();
	await expect(mentorPage.getByText('まだ送っていない行コメント（1件）')).toBeVisible();
	await expect(mentorPage.locator('.monaco-editor .review-zone')).toContainText('「さん」');
	await expectAccessible(mentorPage);
	await mentorPage.getByLabel('全体へのコメント').fill('おしいです！問題文の出力例とくらべてみましょう。');
	await mentorPage.getByRole('button', { name: /^レビューを送る/ }).click();
	await expect(mentorPage.getByText('「合格」か「修正をお願い」を選んでください。').first()).toBeVisible();
	await expect(mentorPage.getByLabel('全体へのコメント')).toHaveValue('おしいです！問題文の出力例とくらべてみましょう。');
	await mentorPage.getByLabel('修正をお願い').check();
	await mentorPage.getByRole('button', { name: /^レビューを送る/ }).click();
	await expect(mentorPage.getByText('レビューを送りました。生徒に通知が届きます。')).toBeVisible();

	// The student is notified and sees the line comment under line 3 in their editor, as text (no script ran).
	await studentPage.goto('/notifications');
	await studentPage
		.getByRole('link', { name: /コードレビューが届きました/ })
		.first()
		.click();
	await expect(studentPage).toHaveURL(new RegExp(`/reviews/${requestId}$`));
	await expect(studentPage.getByText('修正をお願い').first()).toBeVisible();
	await studentPage.goto('/exercises/hello-name');
	await codeEditor(studentPage);
	const zone = studentPage.locator('.monaco-editor .review-zone');
	await expect(zone).toContainText('さんのコメント');
	// It sits right under line 3, the line it is about.
	const line3 = studentPage.locator('.monaco-editor .view-line').filter({ hasText: 'こんにちは、' });
	const gapUnderLine3 = async () => {
		const [lineBox, zoneBox] = [await line3.boundingBox(), await zone.boundingBox()];
		return lineBox && zoneBox ? Math.round(zoneBox.y - (lineBox.y + lineBox.height)) : null;
	};
	await expect.poll(gapUnderLine3).toBeGreaterThanOrEqual(-1);
	await expect.poll(gapUnderLine3).toBeLessThan(12);
	await expect(zone).toContainText('「さん」 をつなげましょう。<script>alert(1)</script>');
	await expect(zone.locator('script')).toHaveCount(0);
	await expect(studentPage.getByRole('region', { name: 'メンターからのコメント' })).toContainText('3行目');
	await expectAccessible(studentPage);

	// The student replies, fixes the code, submits and sends it as iteration 2.
	await studentPage.goto(`/reviews/${requestId}`);
	await studentPage.getByLabel('メッセージ').fill('ありがとうございます！直してみます。');
	await studentPage.getByRole('button', { name: '返信する' }).click();
	await expect(studentPage.getByText('返信を送りました。')).toBeVisible();
	await studentPage.goto('/exercises/hello-name');
	await codeEditor(studentPage);
	await pasteProgram(studentPage, fixed);
	await studentPage.getByRole('button', { name: '提出する' }).click();
	await expect(result.getByRole('heading', { name: '正解 (AC)' })).toBeVisible({ timeout: slowWork });
	// The mentor asked for changes, so this first submit after it joins the discussion by itself.
	await expect(studentPage.getByText('この提出は2回目の提出としてメンターに届きました。')).toBeVisible();
	await studentPage.getByRole('link', { name: '提出の記録(2)' }).click();
	await studentPage.getByRole('link', { name: 'プログラムと結果を見る' }).first().click();
	await expect(studentPage.getByText('この提出は、2回目の提出としてメンターに送りました。')).toBeVisible();

	// The mentor sees the reply and iteration 2 (back on their desk, not in the queue) and approves.
	await mentorPage.goto('/mentor/reviews');
	await mentorPage.getByRole('region', { name: 'あなたの担当' }).getByRole('link', { name: '名前であいさつ' }).click();
	await expect(mentorPage.getByText('ありがとうございます！直してみます。')).toBeVisible();
	await expect(mentorPage.getByRole('link', { name: '2回目の提出・正解 (AC)' })).toHaveAttribute('aria-current', 'page');
	await mentorPage.getByLabel('全体へのコメント').fill('完璧です！よくできました。');
	await mentorPage.getByLabel('合格').check();
	await mentorPage.getByRole('button', { name: /^レビューを送る/ }).click();
	await expect(mentorPage.getByText('レビューを送りました。生徒に通知が届きます。')).toBeVisible();

	await studentPage.goto(`/reviews/${requestId}`);
	await expect(studentPage.getByText('完璧です！よくできました。')).toBeVisible();
	await expect(studentPage.locator('.badge.status-closed')).toHaveText('合格');
	await expect(studentPage.getByRole('button', { name: '返信する' })).toHaveCount(0);
	await expectAccessible(studentPage);
});

test('a deactivated mentor is refused on the next request; students cannot post mentor actions, nor ask about others’ code', async ({
	browser,
	database,
	makeUser,
	logIn
}) => {
	const reviews = await import('../src/lib/server/reviews');
	const { deactivateMentor } = await import('../src/lib/server/mentor-deactivation');
	const student = await makeUser({ roles: ['student'] });
	const { submissionId, requestId } = await requestedReview(database, student.id, { source: wrong });

	const mentor = await makeUser({ roles: ['mentor'] });
	const mentorPage = await newPage(browser);
	await logIn(mentorPage, mentor);
	await mentorPage.goto(`/mentor/reviews/${requestId}`);
	await mentorPage.getByRole('button', { name: '引き受ける' }).click();
	await expect(mentorPage.getByText('引き受けました。')).toBeVisible();
	await deactivateMentor(database.db, { id: student.id, displayName: 'coordinator' }, mentor.id, undefined);
	expect((await mentorPage.request.get(`/mentor/reviews/${requestId}`)).status()).toBe(403);
	const posted = await mentorPage.request.post(`/mentor/reviews/${requestId}?/review`, {
		form: { body: 'まだ書けるかな', outcome: 'approved' },
		headers: { origin: new URL(mentorPage.url()).origin, accept: 'application/json' }
	});
	expect(posted.status()).toBe(403);

	// The student posting the mentor's actions, and asking for a review of someone else's submission.
	const studentPage = await newPage(browser);
	await logIn(studentPage, student);
	const origin = new URL(studentPage.url()).origin;
	for (const action of ['claim', 'review', 'lineComment']) {
		const response = await studentPage.request.post(`/mentor/reviews/${requestId}?/${action}`, {
			form: { body: '自分で合格', outcome: 'approved', iteration: '1', line: '1' },
			headers: { origin, accept: 'application/json' }
		});
		expect(response.status(), action).toBe(403);
	}
	const stranger = await makeUser({ roles: ['student'] });
	const strangerPage = await newPage(browser);
	await logIn(strangerPage, stranger);
	expect((await strangerPage.request.get(`/exercises/hello-name/history/${submissionId}`)).status()).toBe(404);
	const forged = await strangerPage.request.post(`/exercises/hello-name/history/${submissionId}?/requestReview`, {
		form: { kind: 'review' },
		headers: { origin, accept: 'application/json' }
	});
	expect(await forged.text()).toContain('この提出は見つかりません。');
	const [queued] = (await reviews.listQueue(database.db, {}, 'ja')).entries.filter((entry) => entry.id === requestId);
	expect(queued?.iterations).toBe(1);
});
