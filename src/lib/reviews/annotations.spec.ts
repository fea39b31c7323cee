import { describe, expect, it } from 'vitest';
import { placeAnnotations, type LineAnnotation } from './annotations';

const note = (line: number, lineText: string): LineAnnotation => ({ line, lineText, heading: 'メンター', bodyHtml: '<p>ok</p>' });
const linesOf = (code: string) => code.split('\n');

describe('placing line comments in edited code', () => {
	it('keeps a comment on its line while the line reads the same', () => {
		expect(placeAnnotations([note(3, 'print(name)')], linesOf('a = 1\nb = 2\nprint(name)\n')).map((placed) => placed.line)).toEqual([3]);
	});

	it('follows its line when lines were added or removed above it, to the nearest copy', () => {
		const code = 'print(name)\n# new\n# new\n# new\n\nx = 1\nprint(name)\n';
		expect(placeAnnotations([note(3, 'print(name)'), note(6, '    print(name)')], linesOf(code)).map((placed) => placed.line)).toEqual([1, 7]);
	});

	it('stays at its number (or the last line) when the text is gone', () => {
		expect(placeAnnotations([note(2, 'gone'), note(9, 'gone')], linesOf('a\nb\nc')).map((placed) => placed.line)).toEqual([2, 3]);
	});
});
