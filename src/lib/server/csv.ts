// CSV in and out, the way Excel in Japan reads and writes it: UTF-8 with a BOM going out; UTF-8 (with or without
// a BOM) or Shift_JIS coming in. Text cells that a spreadsheet would run as a formula are neutralised on the way out.

const byteOrderMark = '\uFEFF';

export type CsvEncoding = 'utf-8' | 'shift_jis';

/**
 * Decodes an uploaded file: strict UTF-8 first (a BOM is dropped), then Shift_JIS as Excel writes it
 * (Windows-31J; the WHATWG decoder covers its extensions). Null when it is neither.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } | null {
	for (const encoding of ['utf-8', 'shift_jis'] as const) {
		try {
			return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
		} catch {
			// Not this encoding: try the next.
		}
	}
	return null;
}

/** Rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks; CRLF or LF). */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	let index = text.startsWith(byteOrderMark) ? 1 : 0;
	for (; index < text.length; index++) {
		const char = text[index];
		if (quoted) {
			if (char === '"' && text[index + 1] === '"') {
				cell += '"';
				index++;
			} else if (char === '"') quoted = false;
			else cell += char;
		} else if (char === '"' && cell === '') quoted = true;
		else if (char === ',') {
			row.push(cell);
			cell = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[index + 1] === '\n') index++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += char;
	}
	if (cell !== '' || row.length > 0) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}

// Note: a leading tab or carriage return also starts a formula in some spreadsheets (OWASP's list).
const formulaStart = /^[=+\-@\t\r]/;

/** A cell a spreadsheet would treat as a formula gets a leading apostrophe, so it shows as text. */
export function neutraliseFormula(value: string): string {
	return formulaStart.test(value) ? `'${value}` : value;
}

function quoteCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file Excel opens correctly in Japanese: UTF-8 with a BOM, CRLF line ends. Numbers stay numbers. */
export function writeCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
	return byteOrderMark + rows.map((row) => row.map(quoteCell).join(',')).join('\r\n') + '\r\n';
}

/** The response headers of a CSV download; the file name may be Japanese (RFC 6266). */
export function csvDownloadHeaders(fileName: string): Record<string, string> {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
	return {
		'content-type': 'text/csv; charset=utf-8',
		'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
		'cache-control': 'no-store'
	};
}
