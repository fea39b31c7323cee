import { describe, expect, it } from 'vitest';
import { mapLines, placeAnnotations, sortAnnotations, splitLines, type LineAnnotation } from './annotations';

const reviewed = 'n = int(input())\ntotal = 0\nfor i in range(n):\n    total += i\nprint(n)\n';
const note = (line: number, source = reviewed): LineAnnotation => ({
	line,
	lineText: splitLines(source)[line - 1]!,
	reviewedSource: source,
	heading: 'さくらさんのコメント',
	earlierHeading: `以前のコードへのコメント（さくらさん・${line}行目）`,
	bodyHtml: '<p>ok</p>'
});
const linesOf = (code: string) => code.split('\n');
const placedLines = (annotations: LineAnnotation[], code: string) => placeAnnotations(annotations, linesOf(code)).map((placed) => placed.line);

describe('anchoring line comments to the reviewed code', () => {
	it('keeps a comment on its line while the code is as reviewed', () => {
		expect(placedLines([note(5)], reviewed)).toEqual([5]);
	});

	it('follows its line when lines are added or removed above it', () => {
		const edited = '# 合計を出す\n# 1からnまで\nn = int(input())\ntotal = 0\nfor i in range(1, n + 1):\n    total += i\nprint(n)\n';
		expect(placedLines([note(5), note(2)], edited)).toEqual([4, 7]);
		const shorter = 'n = int(input())\nprint(n)\n';
		expect(placedLines([note(5)], shorter)).toEqual([2]);
	});

	it('never lands on another line that happens to have the line number (the comment on print(n) is not under total = 0)', () => {
		// The walkthrough's case: the student deleted the first line, so line 5 of the reviewed code is now line 4,
		// and the old line 2 (total = 0) became line 1.
		const edited = 'total = 0\nfor i in range(n):\n    total += i\nprint(n)\n';
		const [placed] = placeAnnotations([note(5)], linesOf(edited));
		expect(placed!.line).toBe(4);
		expect(linesOf(edited)[placed!.line - 1]).toBe('print(n)');
	});

	it('lists a comment whose line was rewritten as one on earlier code, quoting the reviewed line, above the code', () => {
		const fixed = 'n = int(input())\ntotal = 0\nfor i in range(n):\n    total += i\nprint(total)\n';
		const placed = placeAnnotations([note(5), note(2)], linesOf(fixed));
		expect(placed.map((entry) => [entry.line, entry.annotation.heading, entry.annotation.quote])).toEqual([
			[0, '以前のコードへのコメント（さくらさん・5行目）', 'print(n)'],
			[2, 'さくらさんのコメント', undefined]
		]);
		expect(sortAnnotations([note(5), note(2)], linesOf(fixed)).earlier.map((annotation) => annotation.line)).toEqual([5]);
	});

	it('treats a deleted line, and a line moved past the lines around it, as changed', () => {
		expect(placedLines([note(5)], 'n = int(input())\ntotal = 0\n')).toEqual([0]);
		// print(n) moved to the top: the rest of the program is the longer common part, so print(n) counts as rewritten.
		expect(placedLines([note(5)], 'print(n)\nn = int(input())\ntotal = 0\nfor i in range(n):\n    total += i\n')).toEqual([0]);
	});

	it('reads a line the same whatever its indentation or trailing spaces, and CRLF as LF', () => {
		expect(placedLines([note(4)], 'n = int(input())\ntotal = 0\nfor i in range(n):\n        total += i   \nprint(n)\n')).toEqual([4]);
		expect(splitLines('a\r\nb\r\n')).toEqual(['a', 'b']);
	});

	it('places comments from the same reviewed code with one diff, in line order', () => {
		const edited = 'x = 0\n' + reviewed;
		expect(placedLines([note(5), note(1), note(3)], edited)).toEqual([2, 4, 6]);
	});

	it('maps lines by their longest common subsequence', () => {
		expect(mapLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'b', 'd'])).toEqual([1, null, 3, 5]);
		expect(mapLines(['a', 'b'], [])).toEqual([null, null]);
		expect(mapLines([], ['a'])).toEqual([]);
		expect(mapLines(['same', 'same'], ['same', 'new', 'same'])).toEqual([1, 3]);
	});

	it('gives up on the middle of a whole rewrite of a huge program instead of stalling the editor', () => {
		const big = Array.from({ length: 3000 }, (_, index) => `line ${index}`);
		const rewritten = ['first', ...big.map((line) => `${line}!`), 'last'];
		expect(mapLines(['first', ...big, 'last'], rewritten).filter((line) => line !== null)).toEqual([1, 3002]);
	});
});
