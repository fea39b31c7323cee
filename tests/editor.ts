// Driving the exercise page's code editor (Monaco) from tests the way a student would: by typing into it, or by
// pasting a whole program (typing would let the editor's auto-indent and auto-closing brackets reshape it).
import { expect, type Page } from '@playwright/test';

/** The editor, once Monaco has replaced the plain text box. */
export async function codeEditor(page: Page) {
	await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
	return page.getByRole('textbox', { name: 'プログラム', exact: true });
}

/** Clicks into the text, as a student does (the element that takes the typing lies under the rendered lines). */
export async function focusEditor(page: Page) {
	const editor = await codeEditor(page);
	await page.locator('.monaco-editor .view-lines').click();
	await expect(editor).toBeFocused();
	return editor;
}

/** Empties the editor and pastes `source` into it, as with Ctrl+V. */
export async function pasteProgram(page: Page, source: string): Promise<void> {
	const editor = await focusEditor(page);
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Delete');
	await editor.evaluate((element, text) => {
		const data = new DataTransfer();
		data.setData('text/plain', text);
		element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
	}, source);
	await expect(page.locator('#source')).toHaveValue(source);
}

/** The program as the page holds it (the form's text box mirrors the editor). */
export function programText(page: Page) {
	return page.locator('#source');
}
