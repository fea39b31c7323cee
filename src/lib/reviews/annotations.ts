// Where a mentor's line comment belongs in code that may have changed since it was written. A comment is anchored
// to the code the mentor reviewed (its iteration's code), not to a line number of whatever the editor holds now: a
// line diff from the reviewed code to the current code says where each reviewed line went. The comment shows under
// that line only while the line still reads as reviewed; otherwise it is a comment on earlier code, shown apart with
// the reviewed line quoted.

export interface LineAnnotation {
	/** The line in the reviewed code (1-based). */
	line: number;
	/** The line's text when the comment was written. */
	lineText: string;
	/** The code the mentor reviewed, which `line` counts in. */
	reviewedSource: string;
	/** E.g. "さくらさんのコメント". */
	heading: string;
	/** The heading when the line no longer reads as reviewed, e.g. "以前のコードへのコメント（さくらさん・3行目）". */
	earlierHeading: string;
	/** Safe HTML rendered on the server. */
	bodyHtml: string;
}

/** A comment placed in the current code: under `line`, or, with line 0, above the code as a comment on earlier code. */
export interface PlacedAnnotation {
	annotation: LineAnnotation & { quote?: string };
	line: number;
}

/** Placed comments for the editor: those whose line still reads as reviewed, under it; the others above the code. */
export function placeAnnotations(annotations: LineAnnotation[], lines: string[]): PlacedAnnotation[] {
	const { current, earlier } = sortAnnotations(annotations, lines);
	return [
		...earlier.map((annotation) => ({ annotation: { ...annotation, heading: annotation.earlierHeading, quote: annotation.lineText }, line: 0 })),
		...current
	];
}

/** Splits comments into those that still belong to a line of the current code (with that line) and the earlier ones. */
export function sortAnnotations(annotations: LineAnnotation[], lines: string[]): { current: PlacedAnnotation[]; earlier: LineAnnotation[] } {
	const current: PlacedAnnotation[] = [];
	const earlier: LineAnnotation[] = [];
	const mappings = new Map<string, (number | null)[]>();
	for (const annotation of annotations) {
		let mapping = mappings.get(annotation.reviewedSource);
		if (!mapping) {
			mapping = mapLines(splitLines(annotation.reviewedSource), lines);
			mappings.set(annotation.reviewedSource, mapping);
		}
		const line = mapping[annotation.line - 1];
		if (line != null) current.push({ annotation, line });
		else earlier.push(annotation);
	}
	current.sort((a, b) => a.line - b.line);
	return { current, earlier };
}

/** The lines of a program as the reviews domain counts them (CRLF read as LF, no empty line after a final newline). */
export function splitLines(source: string): string[] {
	return source.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
}

/** Beyond this many cells the middle of the diff is not searched (a rewrite, not an edit): its lines count as changed. */
const maxDiffCells = 4_000_000;

/**
 * For each line of `from`, the 1-based line of `to` that it became, or null when it was changed or removed: the
 * longest common subsequence of the two, after matching the unchanged start and end.
 */
export function mapLines(from: string[], to: string[]): (number | null)[] {
	const mapping: (number | null)[] = new Array(from.length).fill(null);
	// Indentation and trailing spaces aside, a line says the same thing.
	const a = from.map((line) => line.trim());
	const b = to.map((line) => line.trim());
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) {
		mapping[start] = start + 1;
		start++;
	}
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
		endA--;
		endB--;
		mapping[endA] = endB + 1;
	}
	const n = endA - start;
	const m = endB - start;
	if (n === 0 || m === 0 || (n + 1) * (m + 1) > maxDiffCells) return mapping;
	// lengths[i][j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB).
	const width = m + 1;
	const lengths = new Uint32Array((n + 1) * width);
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			lengths[i * width + j] =
				a[start + i] === b[start + j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
		}
	}
	let i = 0;
	let j = 0;
	while (i < n && j < m) {
		if (a[start + i] === b[start + j]) {
			mapping[start + i] = start + j + 1;
			i++;
			j++;
		} else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
		else j++;
	}
	return mapping;
}
