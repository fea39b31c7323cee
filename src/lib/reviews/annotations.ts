// Where a mentor's line comment belongs in code that may have changed since it was written: its own line when that
// line still reads the same, else the nearest line with the same text, else the line number it was written on.

export interface LineAnnotation {
	line: number;
	/** The line's text when the comment was written. */
	lineText: string;
	/** E.g. "さくら（メンター）・3行目". */
	heading: string;
	/** Safe HTML rendered on the server. */
	bodyHtml: string;
}

export function placeAnnotations(annotations: LineAnnotation[], lines: string[]): { annotation: LineAnnotation; line: number }[] {
	const count = Math.max(lines.length, 1);
	return annotations.map((annotation) => ({ annotation, line: placeLine(annotation, lines, count) }));
}

function placeLine(annotation: LineAnnotation, lines: string[], count: number): number {
	const wanted = annotation.lineText.trim();
	const sameText = (line: number) => line >= 1 && line <= lines.length && lines[line - 1]!.trim() === wanted;
	if (sameText(annotation.line)) return annotation.line;
	if (wanted) {
		for (let distance = 1; distance < lines.length; distance++) {
			if (sameText(annotation.line - distance)) return annotation.line - distance;
			if (sameText(annotation.line + distance)) return annotation.line + distance;
		}
	}
	return Math.min(annotation.line, count);
}
