import { describe, expect, it } from 'vitest';
import { firstDifferentLine, outputsMatch } from './compare';

describe('outputsMatch', () => {
	it('exact: byte for byte', () => {
		expect(outputsMatch('exact', '3\n', '3\n')).toBe(true);
		expect(outputsMatch('exact', '3', '3\n')).toBe(false);
		expect(outputsMatch('exact', '3 \n', '3\n')).toBe(false);
	});

	it('lines: ignores trailing spaces on each line and trailing newlines, nothing else', () => {
		expect(outputsMatch('lines', '1 2  \n3\t\n\n\n', '1 2\n3\n')).toBe(true);
		expect(outputsMatch('lines', '1 2', '1 2\n')).toBe(true);
		expect(outputsMatch('lines', '1\r\n2\r\n', '1\n2\n')).toBe(true);
		expect(outputsMatch('lines', ' 1\n', '1\n')).toBe(false);
		expect(outputsMatch('lines', '1  2\n', '1 2\n')).toBe(false);
		expect(outputsMatch('lines', '1\n\n2\n', '1\n2\n')).toBe(false);
		expect(outputsMatch('lines', '', '0\n')).toBe(false);
	});

	it('float: numbers within 1e-6 absolute or relative error, other tokens exactly', () => {
		expect(outputsMatch('float', '0.3333333\n', '0.333333333\n')).toBe(true);
		expect(outputsMatch('float', '1000000.5', '1000000.0000001')).toBe(true);
		expect(outputsMatch('float', '1e9', '1000000001')).toBe(true);
		expect(outputsMatch('float', '0.3334', '0.3333')).toBe(false);
		expect(outputsMatch('float', '3.14 yes\n', '3.1400000 yes')).toBe(true);
		expect(outputsMatch('float', '3.14 Yes', '3.14 yes')).toBe(false);
		expect(outputsMatch('float', '1 2', '1 2 3')).toBe(false);
		expect(outputsMatch('float', 'nan', '0')).toBe(false);
	});
});

describe('firstDifferentLine', () => {
	it('points at the first line that differs, or the first missing one', () => {
		expect(firstDifferentLine('1\n2\n4\n', '1\n2\n3\n')).toBe(3);
		expect(firstDifferentLine('1\n', '1\n2\n')).toBe(2);
		expect(firstDifferentLine('x\n', '1\n')).toBe(1);
	});
});
