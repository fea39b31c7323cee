// Words a 13-year-old knows: verdicts in plain Japanese with the short code beside them, discussions that say whose turn
// it is and end in 合格 (not 終了), no イテレーション anywhere, and a limit message that says what the child can do.
import { test, expect } from './fixtures';
import { newPage } from './support/pages';
import { codeEditor, pasteProgram } from './editor';
import { insertMember } from '../src/lib/server/membership/testing';
import { japanDate } from '../src/lib/japan-time';
import { slowWork } from './environment';

const context = { origin: 'http://localhost' };

test('a young student reads verdicts, review states and the discussion limit in words they know', async ({
	browser,
	database,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const reviews = await import('../src/lib/server/reviews');
	const { recordSubmission } = await import('../src/lib/server/exercises/testing');
	const { exercises } = await import('../src/lib/server/db/schema');
	const { inArray } = await import('drizzle-orm');
	const student = await makeUser({ roles: ['student'] });
	await insertMember(database.db, { userId: student.id, joinedOn: japanDate(), grade: 'jh1' });
	const mentor = await makeUser({ roles: ['mentor'] });
	const page = await newPage(browser);
	await logIn(page, student);

	// A wrong answer: the heading and every case's badge say 不正解 before WA.
	await page.goto('/exercises/sum-to-n');
	await codeEditor(page);
	await pasteProgram(page, 'n = int(input())\nprint(n)\n');
	await page.getByRole('button', { name: '提出する' }).click();
	const result = page.getByRole('region', { name: '判定の結果' });
	await expect(result.getByRole('heading', { name: '不正解 (WA)' })).toBeVisible({ timeout: slowWork });
	const badges = result.locator('.case .badge');
	await expect(badges.first()).toHaveText(/^(正解 \(AC\)|不正解 \(WA\))$/);
	for (const badge of await badges.all()) await expect(badge).not.toHaveText(/^[A-Z]{2,3}$/);

	// Asking for a hint: the discussion is "ヒントの相談", waiting for a mentor, then the child's turn, then 合格.
	await page.getByRole('link', { name: /^提出の記録/ }).click();
	await page.getByRole('link', { name: 'プログラムと結果を見る' }).click();
	await page.getByLabel('困っていること').fill('合計にするにはどうしたらいいですか？');
	await page.getByRole('button', { name: 'メンターに送る' }).click();
	await expect(page.getByText('1回目の提出としてメンターに送りました。')).toBeVisible();
	const requestId = /\/reviews\/([0-9a-f-]{36})/.exec(page.url())![1]!;
	const facts = page.locator('.facts');
	await expect(facts).toContainText('ヒントの相談');
	await expect(facts).toContainText('メンターを待っています');
	await expect(page.locator('main')).not.toContainText('イテレーション');
	await expect(page.locator('main')).not.toContainText('相談する');

	expect(await reviews.claimReview(database.db, mentor.id, requestId)).toEqual({ ok: true });
	expect(await reviews.postReview(database.db, mentor.id, requestId, { body: 'total を使いましょう。', outcome: 'changes_requested' }, context)).toEqual({
		ok: true
	});
	await page.reload();
	await expect(facts).toContainText('あなたが直す番です');
	await page.getByRole('link', { name: 'メンターとのやりとり' }).first().click();
	await expect(page.getByRole('listitem').filter({ hasText: '1 から N までの合計' })).toContainText('ヒントの相談・あなたが直す番です・提出1回');

	// The fix goes to the mentor as the second submission, who passes it: everywhere it reads 合格, never 終了.
	await page.goto('/exercises/sum-to-n');
	await codeEditor(page);
	await pasteProgram(page, 'n = int(input())\ntotal = 0\nfor i in range(1, n + 1):\n    total += i\nprint(total)\n');
	await page.getByRole('button', { name: '提出する' }).click();
	await expect(result.getByRole('heading', { name: '正解 (AC)' })).toBeVisible({ timeout: slowWork });
	await expect(page.getByText('この提出は2回目の提出としてメンターに届きました。')).toBeVisible();
	expect(await reviews.postReview(database.db, mentor.id, requestId, { body: 'よくできました！', outcome: 'approved' }, context)).toEqual({ ok: true });
	for (const path of [`/reviews/${requestId}`, '/reviews', '/exercises/sum-to-n', '/student']) {
		await page.goto(path);
		const main = page.locator('main');
		if (path !== '/student') await expect(main, path).toContainText('合格');
		await expect(main, path).not.toContainText('終了');
		await expect(main, path).not.toContainText('イテレーション');
	}
	await expectAccessible(page);

	// Three discussions open at once: the fourth request is refused with what the child can do about it, and it works.
	const slugs = ['hello-world', 'hello-name', 'even-or-odd', 'fizzbuzz'];
	const rows = await database.db.select({ id: exercises.id, slug: exercises.slug }).from(exercises).where(inArray(exercises.slug, slugs));
	const idOf = Object.fromEntries(rows.map((row) => [row.slug, row.id]));
	for (const slug of slugs.slice(0, 3)) {
		const submissionId = await recordSubmission(database.db, { userId: student.id, exerciseId: idOf[slug]!, source: 'print(1)\n' });
		expect(await reviews.requestReview(database.db, student.id, { submissionId, kind: 'help', question: '教えてください' }, context)).toMatchObject({
			iteration: 1
		});
	}
	const fourth = await recordSubmission(database.db, { userId: student.id, exerciseId: idOf.fizzbuzz!, source: 'print(1)\n' });
	await page.goto(`/exercises/fizzbuzz/history/${fourth}`);
	const limit = page.getByText('いま、メンターとのやりとりが3件つづいています。');
	await expect(limit).toBeVisible();
	await expect(limit).toContainText('「依頼を取り下げる」を押すと終えられます');
	// What the message says can be done, the child does: withdraw one, then ask.
	await page.getByRole('link', { name: 'メンターとのやりとり' }).last().click();
	await page.getByRole('link', { name: 'はじめてのプログラム' }).click();
	await page.getByRole('button', { name: '依頼を取り下げる' }).click();
	await page.goto(`/exercises/fizzbuzz/history/${fourth}`);
	await page.getByLabel('困っていること').fill('3 の倍数の判定がわかりません。');
	await page.getByRole('button', { name: 'メンターに送る' }).click();
	await expect(page.getByText('1回目の提出としてメンターに送りました。')).toBeVisible();
});
