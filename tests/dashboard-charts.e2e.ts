// The dashboard's charts are drawn on the server: they show without JavaScript, mark today, label the target, and
// their axis labels stay readable (large enough, not overlapping) at 1280 and 390 pixels wide; the page fits a phone.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { insertMember } from '../src/lib/server/membership/testing';

/** The boxes of the visible labels, and whether any two overlap. */
async function visibleBoxes(labels: Locator) {
	const boxes: Array<{ x: number; y: number; width: number; height: number }> = [];
	for (const label of await labels.all()) {
		if (!(await label.isVisible())) continue;
		const box = await label.boundingBox();
		if (box) boxes.push(box);
	}
	const overlapping = boxes.some((a, i) =>
		boxes.some((b, j) => i < j && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
	);
	return { boxes, overlapping };
}

async function fontSize(locator: Locator) {
	return locator.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
}

test('the dashboard’s charts are there without JavaScript, with today and the target, readable on a laptop and a phone', async ({
	browser,
	database,
	makeUser,
	logIn
}) => {
	const { getTarget } = await import('../src/lib/server/dashboard');
	for (const joinedOn of ['2024-04-10', '2024-09-01', '2025-04-12', '2025-10-03', '2026-04-15']) await insertMember(database.db, { joinedOn, grade: 'jh2' });
	const target = await getTarget(database.db);
	const coordinator = await makeUser({ roles: ['coordinator'] });

	for (const width of [1280, 390]) {
		const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
		const page: Page = await context.newPage();
		await logIn(page, coordinator);
		await page.goto('/coordinator');

		const cumulative = page.getByRole('figure', { name: '累計の部員数と目標' });
		await expect(cumulative.locator('path').first()).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
		await expect(cumulative.getByText('今日', { exact: true })).toBeVisible();
		await expect(cumulative.getByText(new RegExp(`^目標 ${target.count}人（.+まで）$`))).toBeVisible();
		await expect(page.getByRole('figure', { name: '月ごとの新入部員' }).locator('rect').first()).toBeAttached();
		await expect(page.getByRole('figure', { name: '状態別（累計）' }).locator('.breakdown').getByText('活動中')).toBeVisible();

		// Labels: at least 12 px, none over another, none outside the page.
		for (const figure of [cumulative, page.getByRole('figure', { name: '月ごとの新入部員' })]) {
			const xLabels = figure.locator('.x-label');
			const { boxes, overlapping } = await visibleBoxes(xLabels);
			expect(boxes.length, `${width}: x labels`).toBeGreaterThan(0);
			expect(overlapping, `${width}: x labels overlap`).toBe(false);
			for (const box of boxes) expect(box.x + box.width, `${width}: label inside the page`).toBeLessThanOrEqual(width);
			expect(await fontSize(xLabels.first())).toBeGreaterThanOrEqual(12);
			const yLabels = await visibleBoxes(figure.locator('.y-label'));
			expect(yLabels.overlapping, `${width}: y labels overlap`).toBe(false);
		}
		// The page is no wider than the screen (it was 393 px on a 390 px phone).
		expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}: page width`).toBeLessThanOrEqual(width);
		await context.close();
	}
});
