// QR codes for printed things (certificates' verification links, flyers' booking links), drawn by us from the
// module matrix so the same code goes into an SVG on a page and into a PDF.
import { encode } from 'uqr';

export interface QrCode {
	/** Modules per side, quiet zone excluded. */
	size: number;
	/** `modules[y][x]` is true for a dark module. */
	modules: boolean[][];
}

/** The QR code of `text` with medium error correction (survives a crease or a smudge on paper). */
export function qrCode(text: string): QrCode {
	const encoded = encode(text, { ecc: 'M', border: 0 });
	return { size: encoded.size, modules: encoded.data };
}

/** Dark modules as runs per row: one rectangle for each horizontal run, so a code draws in a few hundred shapes. */
export function qrRuns(code: QrCode): { x: number; y: number; width: number }[] {
	const runs: { x: number; y: number; width: number }[] = [];
	code.modules.forEach((row, y) => {
		let start = -1;
		for (let x = 0; x <= row.length; x++) {
			const dark = x < row.length && row[x];
			if (dark && start < 0) start = x;
			if (!dark && start >= 0) {
				runs.push({ x: start, y, width: x - start });
				start = -1;
			}
		}
	});
	return runs;
}

/**
 * An SVG of `text`'s QR code with a four-module quiet zone, named for screen readers by `label` (say what the link
 * is for, not the link itself).
 */
export function qrSvg(text: string, label: string): string {
	const code = qrCode(text);
	const side = code.size + 8;
	const path = qrRuns(code)
		.map((run) => `M${run.x + 4},${run.y + 4}h${run.width}v1h-${run.width}z`)
		.join('');
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img" aria-label="${escapeAttribute(label)}" shape-rendering="crispEdges">` +
		`<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
	);
}

function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
