import { describe, expect, it } from 'vitest';
import { lineDiff } from './diff';

describe('lineDiff', () => {
	it('marks the lines that differ and keeps missing ones visible', () => {
		expect(lineDiff('1\n2\n3\n', '1\n5\n')).toEqual([
			{ line: 1, expected: '1', actual: '1', same: true },
			{ line: 2, expected: '2', actual: '5', same: false },
			{ line: 3, expected: '3', actual: undefined, same: false }
		]);
	});

	it('ignores trailing spaces and a final newline, like the default comparison', () => {
		expect(lineDiff('a b\n', 'a b   ').every((row) => row.same)).toBe(true);
	});

	it('shows no output as every expected line missing', () => {
		expect(lineDiff('x\n', '')).toEqual([{ line: 1, expected: 'x', actual: undefined, same: false }]);
	});
});
