// Pages for the e2e tests.
import type { Browser, Page } from '@playwright/test';

/** A page in a new browser context: another person, with cookies of their own. */
export async function newPage(browser: Browser): Promise<Page> {
	return (await browser.newContext()).newPage();
}
