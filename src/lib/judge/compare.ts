// How a program's output is checked against the expected output.

export const compareModes = ['exact', 'lines', 'float'] as const;
export type CompareMode = (typeof compareModes)[number];

export const defaultCompareMode: CompareMode = 'lines';

/** Absolute or relative tolerance for `float` mode. */
export const floatTolerance = 1e-6;

export function outputsMatch(mode: CompareMode, actual: string, expected: string): boolean {
	switch (mode) {
		case 'exact':
			return actual === expected;
		case 'lines':
			return sameLines(normalizedLines(actual), normalizedLines(expected));
		case 'float':
			return sameTokens(tokens(actual), tokens(expected));
	}
}

/** 1-based number of the first line that differs (after `lines` normalisation), for the WA explanation. */
export function firstDifferentLine(actual: string, expected: string): number {
	const actualLines = normalizedLines(actual);
	const expectedLines = normalizedLines(expected);
	const length = Math.max(actualLines.length, expectedLines.length);
	for (let index = 0; index < length; index++) {
		if (actualLines[index] !== expectedLines[index]) return index + 1;
	}
	return length + 1;
}

/** Trailing spaces on each line and trailing empty lines are invisible to a student, so they do not count. */
function normalizedLines(text: string): string[] {
	const lines = text.split('\n').map((line) => line.trimEnd());
	while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
	return lines;
}

function sameLines(actual: string[], expected: string[]): boolean {
	return actual.length === expected.length && actual.every((line, index) => line === expected[index]);
}

function tokens(text: string): string[] {
	return text.split(/\s+/).filter((token) => token !== '');
}

const decimalNumber = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function sameTokens(actual: string[], expected: string[]): boolean {
	return actual.length === expected.length && actual.every((token, index) => sameToken(token, expected[index] ?? ''));
}

function sameToken(actual: string, expected: string): boolean {
	if (actual === expected) return true;
	if (!decimalNumber.test(actual) || !decimalNumber.test(expected)) return false;
	const difference = Math.abs(Number(actual) - Number(expected));
	return difference <= floatTolerance || difference <= floatTolerance * Math.abs(Number(expected));
}
