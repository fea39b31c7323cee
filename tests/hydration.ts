// Acting on a page before its JavaScript has run, as someone on a slow connection does: the page's scripts are held
// back until the test lets them go, then the test waits for SvelteKit to have hydrated the page.
import { expect, type Page } from '@playwright/test';

/** Holds every script of the app; call the returned function to let them load and wait until the page is hydrated. */
export async function holdScripts(page: Page): Promise<() => Promise<void>> {
	let release!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await gate;
		await route.continue();
	});
	return async () => {
		// Not hydrated yet: SvelteKit's router sets manual scroll restoration once it has hydrated the page.
		expect(await page.evaluate(() => history.scrollRestoration)).toBe('auto');
		release();
		await page.waitForFunction(() => history.scrollRestoration === 'manual');
		await page.unroute(/\/_app\/immutable\/.*\.js$/);
	};
}

/** Every choice in the page's forms, as the browser would send it (checkbox and radio states, select values). */
export function choicesOf(page: Page): Promise<Record<string, string | boolean>> {
	return page.evaluate(() => {
		const choices: Record<string, string | boolean> = {};
		for (const element of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('form input[type=checkbox], form input[type=radio], form select')) {
			const key = `${element.form?.getAttribute('action') ?? ''} ${element.name || element.id}${element instanceof HTMLInputElement && element.type === 'radio' ? `=${element.value}` : ''}`;
			choices[key] = element instanceof HTMLSelectElement ? element.value : element.checked;
		}
		return choices;
	});
}

/**
 * Changes every choice in the page's forms the way a person would, by clicking: ticks each checkbox that is not
 * ticked (and unticks the others), picks the last unpicked radio button of each group and the last option of each select.
 */
export async function changeEveryChoice(page: Page): Promise<void> {
	const checkboxes = page.locator('form input[type=checkbox]:not([disabled])');
	for (const checkbox of await checkboxes.all()) if (await checkbox.isVisible()) await checkbox.click();
	const groups = await page
		.locator('form input[type=radio]:not([disabled])')
		.evaluateAll((radios) => [...new Set(radios.map((radio) => (radio as HTMLInputElement).name))]);
	for (const group of groups) {
		const last = page.locator(`form input[type=radio][name="${group}"]:not([disabled]):not(:checked)`).last();
		if ((await last.count()) && (await last.isVisible())) await last.click();
	}
	for (const select of await page.locator('form select:not([disabled])').all()) {
		if (!(await select.isVisible())) continue;
		const values = await select.locator('option:not([disabled])').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
		const current = await select.inputValue();
		const other = values.filter((value) => value !== current).at(-1);
		if (other !== undefined) await select.selectOption(other);
	}
}
