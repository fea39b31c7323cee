// Splits a DNCL program into lines, each with its block depth (from the ｜/⎿ markers of the exam's layout, or from
// plain indentation) and its tokens. Full-width letters, digits and symbols typed with a Japanese input method are
// read as their ASCII forms outside strings, as a reader of the exam would read them.
import { DnclSyntaxError } from './messages';

export type TokenKind = 'number' | 'string' | 'name' | 'keyword' | 'operator' | 'input';

export interface Token {
	kind: TokenKind;
	text: string;
	/** For numbers: the value. */
	value?: number;
	line: number;
}

export interface SourceLine {
	/** 1-based, as the student's editor counts. */
	line: number;
	depth: number;
	tokens: Token[];
}

/**
 * The Japanese words of the notation, longest first so that そうでなくもし is not read as そうで…, and を定義する is
 * not read as を. A name written in Japanese (a function such as 表示する or 二倍) ends where one of these begins.
 */
export const japaneseKeywords = [
	'増やしながら繰り返す',
	'減らしながら繰り返す',
	'のすべての値を',
	'そうでなくもし',
	'そうでなければ',
	'の間繰り返す',
	'を定義する',
	'ならば',
	'を返す',
	'にする',
	'もし',
	'から',
	'まで',
	'ずつ',
	'関数',
	'返す',
	'を'
];
const wordKeywords = new Set(['and', 'or', 'not']);
export const inputKeyword = '【外部からの入力】';

/** Block markers of the exam's layout: ｜ continues a block, ⎿ closes it (both mark one level of depth). */
const blockMarkers = new Set(['|', '｜', '│', '┃', '⎿', '└', '┗', 'ㄴ']);

const operators = ['**', '==', '!=', '>=', '<=', '+', '-', '*', '/', '÷', '%', '>', '<', '=', '(', ')', '[', ']', ',', ':'];
const symbolAliases: Record<string, string> = {
	'、': ',',
	'，': ',',
	'　': ' ',
	'–': '-',
	'−': '-',
	'×': '*',
	'≧': '>=',
	'≦': '<=',
	'≠': '!=',
	'“': '"',
	'”': '"'
};

/** Full-width ASCII (！ to ～) to ASCII, and the few other symbols a Japanese keyboard produces. */
function normalizeCharacter(character: string): string {
	const code = character.codePointAt(0)!;
	if (code >= 0xff01 && code <= 0xff5e && character !== '｜') return String.fromCodePoint(code - 0xfee0);
	return symbolAliases[character] ?? character;
}

const isAsciiLetter = (character: string) => /^[A-Za-z_]$/.test(character);
const isAsciiWord = (character: string) => /^[A-Za-z0-9_]$/.test(character);
const isDigit = (character: string) => /^[0-9]$/.test(character);
const isJapaneseNameCharacter = (character: string) => /^[\p{L}\p{N}_ー々]$/u.test(character) && !/^[\x00-\x7f]$/.test(character);

export function tokenizeProgram(source: string): SourceLine[] {
	const lines: SourceLine[] = [];
	// Widths of the open blocks' indentation, for programs written with plain indentation: widths[depth].
	let widths = [0];
	source
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.forEach((raw, index) => {
			const line = index + 1;
			const characters = Array.from(raw);
			let position = 0;
			let markers = 0;
			let width = 0;
			while (position < characters.length) {
				const character = characters[position]!;
				if (blockMarkers.has(character)) markers++;
				else if (character === ' ' || character === '　') width++;
				else if (character === '\t') width += 4 - (width % 4);
				else break;
				if (blockMarkers.has(character)) width++;
				position++;
			}
			const tokens = tokenizeLine(characters.slice(position), line);
			if (tokens.length === 0) return;
			let depth: number;
			if (markers > 0) {
				depth = markers;
				widths = widths.slice(0, depth + 1);
				widths[depth] ??= width;
				for (let level = 1; level < depth; level++) widths[level] ??= level;
			} else {
				const found = widths.indexOf(width);
				if (width > widths[widths.length - 1]!) {
					depth = widths.length;
					widths.push(width);
				} else if (found !== -1) {
					depth = found;
					widths = widths.slice(0, depth + 1);
				} else {
					throw new DnclSyntaxError('inconsistent_indent', {}, line);
				}
			}
			lines.push({ line, depth, tokens });
		});
	return lines;
}

function tokenizeLine(characters: string[], line: number): Token[] {
	const tokens: Token[] = [];
	let position = 0;
	const at = (offset = 0) => normalizeCharacter(characters[position + offset] ?? '');
	const startsWith = (word: string) => characters.slice(position, position + Array.from(word).length).join('') === word;
	while (position < characters.length) {
		const character = at();
		if (character === ' ' || character === '\t') {
			position++;
			continue;
		}
		if (character === '#') break;
		if (character === '"' || character === '「') {
			const closing = character === '"' ? '"' : '」';
			let text = '';
			position++;
			while (position < characters.length && normalizeCharacter(characters[position]!) !== closing) text += characters[position++];
			if (position >= characters.length) throw new DnclSyntaxError('unterminated_string', {}, line);
			position++;
			tokens.push({ kind: 'string', text, line });
			continue;
		}
		if (startsWith(inputKeyword)) {
			position += Array.from(inputKeyword).length;
			tokens.push({ kind: 'input', text: inputKeyword, line });
			continue;
		}
		if (isDigit(character)) {
			let text = '';
			while (isDigit(at())) {
				text += at();
				position++;
			}
			if (at() === '.' && isDigit(at(1))) {
				text += '.';
				position++;
				while (isDigit(at())) {
					text += at();
					position++;
				}
			}
			tokens.push({ kind: 'number', text, value: Number(text), line });
			continue;
		}
		if (isAsciiLetter(character)) {
			let text = '';
			while (isAsciiWord(at())) {
				text += at();
				position++;
			}
			tokens.push({ kind: wordKeywords.has(text) ? 'keyword' : 'name', text, line });
			continue;
		}
		const keyword = japaneseKeywords.find(startsWith);
		if (keyword) {
			position += Array.from(keyword).length;
			tokens.push({ kind: 'keyword', text: keyword, line });
			continue;
		}
		if (isJapaneseNameCharacter(characters[position]!)) {
			let text = '';
			// A name ends where a keyword of two or more characters begins (二倍を返す: 二倍, を返す).
			while (
				position < characters.length &&
				isJapaneseNameCharacter(characters[position]!) &&
				(text === '' || !japaneseKeywords.some((word) => word.length > 1 && startsWith(word)))
			) {
				text += characters[position++];
			}
			tokens.push({ kind: 'name', text, line });
			continue;
		}
		const operator = operators.find((symbol) => Array.from(symbol).every((part, offset) => at(offset) === part));
		if (operator) {
			position += operator.length;
			tokens.push({ kind: 'operator', text: operator, line });
			continue;
		}
		if (normalizeCharacter(characters[position]!) !== characters[position] && ['>=', '<=', '!='].includes(character)) {
			position++;
			tokens.push({ kind: 'operator', text: character, line });
			continue;
		}
		throw new DnclSyntaxError('unknown_character', { found: characters[position]! }, line);
	}
	return tokens;
}
