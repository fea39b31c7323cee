// Expected and actual output side by side, line by line, for the sample cases a student sees.

export interface DiffRow {
	line: number;
	expected: string | undefined;
	actual: string | undefined;
	same: boolean;
}

const lines = (text: string) => text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');

/** Trailing spaces are shown but, as in the default `lines` comparison, do not make a line differ. */
export function lineDiff(expected: string, actual: string): DiffRow[] {
	const left = lines(expected);
	const right = actual === '' ? [] : lines(actual);
	const rows: DiffRow[] = [];
	for (let index = 0; index < Math.max(left.length, right.length); index++) {
		const e = left[index];
		const a = right[index];
		rows.push({ line: index + 1, expected: e, actual: a, same: e !== undefined && a !== undefined && e.trimEnd() === a.trimEnd() });
	}
	return rows;
}
