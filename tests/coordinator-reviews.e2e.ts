// The coordinators' view of code reviews: the backlog and its highlighted overdue requests on /coordinator/reviews and
// on the dashboard, the highlight setting, and reviews per mentor. Students and mentors are refused.
// The highlight setting is one for the whole portal, so this file's tests run one after another.
import { eq } from 'drizzle-orm';
import { test, expect } from './fixtures';
import { newPage } from './support/pages';
import { e2eOrigin } from './environment';
import { exercises } from '../src/lib/server/db/schema';
import { claimReview, postReview, requestReview } from '../src/lib/server/reviews';
import { judgedSubmission } from '../src/lib/server/reviews/testing';
import { createUser } from '../src/lib/server/testing/factories';
import type { Database } from '../src/lib/server/db';

test.describe.configure({ mode: 'serial' });

const day = 24 * 60 * 60 * 1000;
const form = { 'content-type': 'application/x-www-form-urlencoded', origin: e2eOrigin };

async function exerciseId(db: Database, slug: string): Promise<string> {
	const [row] = await db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, slug));
	if (!row) throw new Error(`exercise ${slug} was not imported`);
	return row.id;
}

/** A student's help request that has waited `days` days, asked through the domain as the page would. */
async function waitingRequest(db: Database, studentId: string, slug: string, days: number): Promise<string> {
	const submissionId = await judgedSubmission(db, studentId, await exerciseId(db, slug));
	const asked = await requestReview(
		db,
		studentId,
		{ submissionId, kind: 'help', question: '出力が合いません' },
		{ origin: e2eOrigin, now: new Date(Date.now() - days * day) }
	);
	if (!asked.ok) throw new Error(asked.problem);
	return asked.id;
}

test('students and mentors cannot see the review backlog or change its setting', async ({ browser, makeUser, logIn }) => {
	for (const role of ['student', 'mentor'] as const) {
		const page = await newPage(browser);
		await logIn(page, await makeUser({ roles: [role] }));
		expect((await page.request.get('/coordinator/reviews')).status(), role).toBe(403);
		expect((await page.request.post('/coordinator/reviews?/highlight', { headers: form, data: 'highlightAfterDays=9' })).status(), role).toBe(403);
	}
});

test('a coordinator sees the overdue request highlighted, sets the threshold, and reads reviews per mentor', async ({
	page,
	database,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const db = database.db;
	const student = await makeUser({ roles: ['student'] });
	// The oldest request in this database: first in every overdue list, whatever other tests ask meanwhile.
	const overdueId = await waitingRequest(db, student.id, 'hello-name', 59);
	const mentor = await createUser(db, { roles: ['mentor'], displayName: `犀川 レビュー${Date.now().toString(36)}` });
	const reviewedId = await waitingRequest(db, student.id, 'even-or-odd', 1);
	expect(await claimReview(db, mentor.id, reviewedId)).toEqual({ ok: true });
	expect(await postReview(db, mentor.id, reviewedId, { body: 'よくできました', outcome: 'approved' }, { origin: e2eOrigin })).toEqual({ ok: true });

	await logIn(page, await makeUser({ roles: ['coordinator'] }));
	await page.goto('/coordinator');
	await page.getByRole('navigation', { name: '事務局のメニュー' }).getByRole('link', { name: 'コードレビュー', exact: true }).click();
	await expect(page).toHaveURL(/\/coordinator\/reviews$/);
	await expect(page.getByRole('heading', { level: 1, name: 'コードレビュー' })).toBeVisible();
	await expect(page.getByTestId('review-oldest').locator('.big')).toHaveText(/^(59|60)日/);
	await expect(page.getByTestId('review-saved').locator('.big')).toHaveText(/^[\d,]+回$/);
	await expect(page.getByTestId('review-saved')).toContainText('保存コメントの再利用');
	const overdue = page.getByTestId('overdue-reviews');
	await expect(overdue.getByText(/件が\d+日以上待っています。/)).toBeVisible();
	const row = overdue.getByRole('row').nth(1);
	await expect(row.getByRole('link', { name: '名前であいさつ' })).toHaveAttribute('href', `/reviews/${overdueId}`);
	await expect(row.getByRole('cell', { name: '相談' })).toBeVisible();
	await expect(row.getByRole('cell', { name: /^(59|60)日/ })).toBeVisible();
	const mentorRow = page.getByRole('region', { name: 'メンター別のレビュー数' }).getByRole('row', { name: new RegExp(mentor.displayName) });
	await expect(mentorRow.getByRole('cell').nth(0)).toHaveText('その他/未登録');
	await expect(mentorRow.getByRole('cell').nth(1)).toHaveText('1');
	await expect(page.getByRole('region', { name: '団体別のレビュー数' }).getByRole('rowheader', { name: 'その他/未登録' })).toBeVisible();
	await expectAccessible(page);

	// An impossible threshold is refused and stays in the field; a possible one is saved.
	const days = page.getByLabel('強調するまでの日数');
	await days.fill('0');
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByText('1〜60の日数を入れてください。')).toBeVisible();
	await expect(days).toHaveValue('0');
	await expect(days).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);
	// Without JavaScript, the page comes back with the typed value.
	const withoutScript = await page.request.post('/coordinator/reviews?/highlight', {
		headers: { ...form, accept: 'text/html' },
		data: 'highlightAfterDays=abc'
	});
	expect(withoutScript.status()).toBe(400);
	expect(await withoutScript.text()).toMatch(/name="highlightAfterDays"[^>]*value="abc"|value="abc"[^>]*name="highlightAfterDays"/);
	await days.fill('58');
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByText('強調するまでの日数を保存しました。')).toBeVisible();
	await expect(page.getByRole('heading', { name: '58日以上待っている依頼' })).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('強調するまでの日数')).toHaveValue('58');

	// The dashboard highlights the same request and links to its discussion, which a coordinator may read.
	await page.goto('/coordinator');
	const card = page.getByRole('region', { name: 'コードレビュー', exact: true });
	await expect(card.getByText(/件が58日以上待っています。/)).toBeVisible();
	await expect(card.getByRole('link', { name: '名前であいさつ' }).first()).toHaveAttribute('href', `/reviews/${overdueId}`);
	await expect(card.getByRole('link', { name: 'コードレビューの状況を見る' })).toHaveAttribute('href', '/coordinator/reviews');
	await expectAccessible(page);
	expect((await page.request.get(`/reviews/${overdueId}`)).status()).toBe(200);

	// Back to the default, for other tests in this database.
	expect((await page.request.post('/coordinator/reviews?/highlight', { headers: form, data: 'highlightAfterDays=3' })).status()).toBe(200);
});
