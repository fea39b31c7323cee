// 共通テスト用プログラム表記 (DNCL): the language of the 情報I exam, read, checked and translated to JavaScript.
// Shared by the server's judge and the browser's runner; see README.md for the notation and the decisions made.
import { DnclSyntaxError, type DnclLocale } from './messages';
import { translateProgram, type TranslateOptions } from './translate';

export { DnclSyntaxError, formatDnclMessage, type DnclLocale } from './messages';
export { parseProgram } from './parser';
export { translateProgram, type TranslateOptions } from './translate';

/** The file name a DNCL program has in messages (`main.dncl:3`), as main.py and main.js do for the other languages. */
export const dnclFileName = 'main.dncl';

export type DnclTranslation = { ok: true; javascript: string } | { ok: false; error: DnclSyntaxError };

/** The JavaScript to run, or the first error in the notation. Any other failure is a bug here and is thrown. */
export function compileDncl(source: string, options: TranslateOptions = {}): DnclTranslation {
	try {
		return { ok: true, javascript: translateProgram(source, options) };
	} catch (error) {
		if (error instanceof DnclSyntaxError) return { ok: false, error };
		// The parser and translator recurse once per level of nesting: a hostile program of 30,000 '(' exhausts the stack.
		if (error instanceof RangeError) return { ok: false, error: new DnclSyntaxError('too_deeply_nested', {}, deepestLine(source)) };
		throw error;
	}
}

/** The line with the most opening brackets: where a program too deeply nested to parse is deepest. */
function deepestLine(source: string): number {
	const counts = source.split('\n').map((line) => (line.match(/[([（]/g) ?? []).length);
	return counts.indexOf(Math.max(...counts)) + 1;
}

/** What a syntax error prints, as an interpreter would: where, then the message. */
export function syntaxErrorText(error: DnclSyntaxError, locale: DnclLocale = 'ja'): string {
	return `${dnclFileName}:${error.line}\nDNCLSyntaxError: ${error.localized(locale)}\n`;
}
