// A mentor's line comment stays with the code it was written about. The walkthrough saw a comment about `print(n)`
// shown under `total = 0` once the student had edited the program, and still there after 合格: here the student edits
// around the line (the comment follows it), rewrites the line (the comment moves above the code as a comment on
// earlier code, quoting the line) and passes (it stays there, never under another line).
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { newPage } from './support/pages';
import { codeEditor, pasteProgram, programText } from './editor';
import { insertMember } from '../src/lib/server/membership/testing';
import { japanDate } from '../src/lib/japan-time';
import { slowWork } from './environment';

/** Pastes over the whole program, clicking into its first line (the middle of the editor may be a comment's band). */
async function pasteOver(page: Page, source: string): Promise<void> {
	const editor = await codeEditor(page);
	await page.locator('.monaco-editor .view-line').first().click();
	await expect(editor).toBeFocused();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Delete');
	await editor.evaluate((element, text) => {
		const data = new DataTransfer();
		data.setData('text/plain', text);
		element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
	}, source);
	await expect(programText(page)).toHaveValue(source);
}

const reviewed = 'n = int(input())\ntotal = 0\nfor i in range(1, n + 1):\n    total += i\nprint(n)\n';
const commentedAbove = '# 1 から n までの合計\n# for 文で足していく\nn = int(input())\ntotal = 0\nfor i in range(1, n + 1):\n    total += i\nprint(n)\n';
const withoutFirstLine = 'total = 0\nfor i in range(1, n + 1):\n    total += i\nprint(n)\n';
const fixed = 'n = int(input())\ntotal = 0\nfor i in range(1, n + 1):\n    total += i\nprint(total)\n';

test('a line comment follows its line through edits, and moves above the code once the line is rewritten', async ({
	browser,
	database,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const student = await makeUser({ roles: ['student'] });
	await insertMember(database.db, { userId: student.id, joinedOn: japanDate(), grade: 'jh1' });
	const studentPage = await newPage(browser);
	await logIn(studentPage, student);

	// The student submits a program that prints n instead of the total, and asks for a review.
	await studentPage.goto('/exercises/sum-to-n');
	await codeEditor(studentPage);
	await pasteProgram(studentPage, reviewed);
	await studentPage.getByRole('button', { name: '提出する' }).click();
	await expect(studentPage.getByRole('region', { name: '判定の結果' }).getByRole('heading', { name: /^不正解/ })).toBeVisible({ timeout: slowWork });
	await studentPage.getByRole('link', { name: /^提出の記録/ }).click();
	await studentPage.getByRole('link', { name: 'プログラムと結果を見る' }).click();
	await studentPage.getByLabel('困っていること').fill('答えが合いません。');
	await studentPage.getByRole('button', { name: 'メンターに送る' }).click();
	await expect(studentPage).toHaveURL(/\/reviews\/[0-9a-f-]{36}/);
	const requestId = /\/reviews\/([0-9a-f-]{36})/.exec(studentPage.url())![1]!;

	// The mentor claims it, clicks line 5 (print(n)) and comments on it.
	const mentorPage = await newPage(browser);
	await logIn(mentorPage, await makeUser({ roles: ['mentor'] }));
	await mentorPage.goto(`/mentor/reviews/${requestId}`);
	await mentorPage.getByRole('button', { name: '引き受ける' }).click();
	await expect(mentorPage.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
	await mentorPage.locator('.monaco-editor .view-line').nth(4).click();
	await expect(mentorPage.getByLabel('行番号')).toHaveValue('5');
	await mentorPage.getByLabel('コメント', { exact: true }).fill('ここで表示しているのは n です。合計はどの変数？');
	await mentorPage.getByRole('button', { name: '行コメントを追加（下書き）' }).click();
	await mentorPage.getByLabel('全体へのコメント').fill('おしい！最後の1行を見直しましょう。');
	await mentorPage.getByLabel('修正をお願い').check();
	await mentorPage.getByRole('button', { name: /^レビューを送る/ }).click();
	await expect(mentorPage.getByText('レビューを送りました。生徒に通知が届きます。')).toBeVisible();

	// In the student's editor the comment sits under print(n).
	await studentPage.goto('/exercises/sum-to-n');
	await codeEditor(studentPage);
	const zones = studentPage.locator('.monaco-editor .review-zone');
	// Monaco draws spaces as no-break spaces, which \s matches.
	const lineOf = (text: string) =>
		studentPage
			.locator('.monaco-editor .view-line')
			.filter({ hasText: new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll(' ', '\\s')}\\s*$`) });
	const gapUnder = async (text: string) => {
		const [lineBox, zoneBox] = [await lineOf(text).boundingBox(), await zones.first().boundingBox()];
		return lineBox && zoneBox ? Math.round(zoneBox.y - (lineBox.y + lineBox.height)) : null;
	};
	const expectUnder = async (text: string) => {
		await expect(zones).toHaveCount(1);
		await expect.poll(() => gapUnder(text)).toBeGreaterThanOrEqual(-1);
		await expect.poll(() => gapUnder(text)).toBeLessThan(12);
	};
	await expect(zones).toContainText('合計はどの変数？');
	await expectUnder('print(n)');

	// Two lines added above: the comment follows print(n) to line 7 (line 5 is now `for …`).
	await pasteOver(studentPage, commentedAbove);
	await expectUnder('print(n)');
	// The first line deleted: print(n) is line 4 and `total = 0` line 1; the comment stays with print(n).
	await pasteOver(studentPage, withoutFirstLine);
	await expectUnder('print(n)');

	// print(n) rewritten: the comment is no longer under any line but above the code, quoting what was reviewed.
	await pasteOver(studentPage, fixed);
	await expect(zones).toHaveCount(1);
	await expect(zones).toContainText('以前のコードへのコメント');
	await expect(zones.locator('.review-zone-quote')).toHaveText('print(n)');
	await expect(studentPage.locator('.monaco-editor .review-line')).toHaveCount(0);
	const firstLine = await lineOf('n = int(input())').boundingBox();
	const zoneBox = await zones.first().boundingBox();
	expect(zoneBox!.y).toBeLessThan(firstLine!.y);
	// Beside the statement, every comment is listed with the reviewed line quoted.
	await expect(studentPage.getByRole('region', { name: 'メンターからのコメント' })).toContainText('5行目（見てもらったときのコード）');
	await expect(studentPage.getByRole('region', { name: 'メンターからのコメント' }).locator('pre')).toHaveText('print(n)');
	await expectAccessible(studentPage);

	// The fix is correct; it goes to the mentor, who approves it. The comment still does not land on another line.
	await studentPage.getByRole('button', { name: '提出する' }).click();
	await expect(studentPage.getByRole('region', { name: '判定の結果' }).getByRole('heading', { name: /^正解/ })).toBeVisible({ timeout: slowWork });
	await mentorPage.goto(`/mentor/reviews/${requestId}`);
	await mentorPage.getByLabel('全体へのコメント').fill('完璧です！');
	await mentorPage.getByLabel('合格').check();
	await mentorPage.getByRole('button', { name: /^レビューを送る/ }).click();
	await expect(mentorPage.getByText('レビューを送りました。生徒に通知が届きます。')).toBeVisible();
	await studentPage.goto('/exercises/sum-to-n');
	await codeEditor(studentPage);
	await expect(zones).toHaveCount(1);
	await expect(zones).toContainText('以前のコードへのコメント');
	await expect(studentPage.locator('.monaco-editor .review-line')).toHaveCount(0);
});
