import { test, expect } from './fixtures';
import { codeEditor } from './editor';

const widths = [390, 1280];

test('screenshots', async ({ browser, database, makeUser, logIn }) => {
	test.setTimeout(300_000);
	const mentoring = await import('../src/lib/server/mentoring');
	const { mentorApplicationFor } = await import('../src/lib/server/mentoring/testing');
	const applicant = await makeUser();
	await mentoring.submitMentorApplication(database.db, { id: applicant.id, locale: 'ja', emailVerified: true, roles: [] }, mentorApplicationFor());
	for (const width of widths) {
		const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
		await logIn(page, applicant);
		await page.screenshot({ path: `.shots/status-${width}.png`, fullPage: true });
		await page.goto('/settings');
		await page.screenshot({ path: `.shots/settings-${width}.png`, fullPage: true });
		await page.context().close();
	}
});
