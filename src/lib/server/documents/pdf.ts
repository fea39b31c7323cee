// A small A4 PDF layer for printed documents (certificates, reports): Japanese text in Noto Sans JP embedded as a
// subset (only the glyphs used, so a certificate weighs kilobytes, not the font's 5 MB), lines wrapped by width with
// the usual Japanese line-breaking rule, simple tables, rules and QR codes drawn from documents/qr.ts's runs.
// Text is written with a ToUnicode map (pdf-lib does this), so it can be searched, copied and read by screen readers.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { fontkitForPdfLib, loadFont, type FontWeight } from './fontkit';
import { qrCode, qrRuns } from './qr';

export type { FontWeight } from './fontkit';

/** A4 in PDF points (1/72 inch). */
export const a4 = { width: 595.28, height: 841.89 } as const;
const margin = 56;

export type Align = 'left' | 'center' | 'right';

// Characters that must not begin a line (行頭禁則) and that must not end one (行末禁則), the common subset of JIS X 4051.
const noLineStart = new Set([...'、。，．,.)）」』】〕〉》］｝!！?？・ー〜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々ゝゞヽヾ:;：；']);
const noLineEnd = new Set([...'(（「『【〔〈《［｛']);

export interface TextOptions {
	size?: number;
	weight?: FontWeight;
	align?: Align;
	/** Grey for captions and the like. */
	muted?: boolean;
	/** Space below the text, in points (default: half the size). */
	after?: number;
}

export interface TableColumn {
	header: string;
	/** Share of the text width. */
	width: number;
	align?: Align;
}

/** One document being written, top to bottom; a new page starts when the next thing does not fit. */
export class A4Document {
	private page: PDFPage;
	private y: number;

	private constructor(
		private readonly pdf: PDFDocument,
		private readonly fonts: Record<FontWeight, PDFFont>,
		private readonly frame: boolean
	) {
		this.page = this.addPage();
		this.y = a4.height - margin - (frame ? 24 : 0);
	}

	/** A new document; `frame` draws a double border on every page, as certificates have. */
	static async create(meta: { title: string; frame?: boolean }): Promise<A4Document> {
		const pdf = await PDFDocument.create();
		pdf.registerFontkit(fontkitForPdfLib);
		pdf.setTitle(meta.title, { showInWindowTitleBar: true });
		pdf.setLanguage('ja-JP');
		pdf.setProducer('金沢IT部活ポータル');
		pdf.setCreator('金沢IT部活ポータル');
		const [regular, bold] = await Promise.all([loadFont('regular'), loadFont('bold')]);
		const fonts = {
			regular: await pdf.embedFont(regular, { subset: true }),
			bold: await pdf.embedFont(bold, { subset: true })
		};
		return new A4Document(pdf, fonts, meta.frame ?? false);
	}

	/** Width available for text. */
	get textWidth(): number {
		return a4.width - 2 * margin - (this.frame ? 48 : 0);
	}

	private get left(): number {
		return margin + (this.frame ? 24 : 0);
	}

	private addPage(): PDFPage {
		const page = this.pdf.addPage([a4.width, a4.height]);
		if (this.frame) {
			const ink = rgb(0.2, 0.3, 0.45);
			page.drawRectangle({ x: 28, y: 28, width: a4.width - 56, height: a4.height - 56, borderColor: ink, borderWidth: 2.5 });
			page.drawRectangle({ x: 36, y: 36, width: a4.width - 72, height: a4.height - 72, borderColor: ink, borderWidth: 0.75 });
		}
		return page;
	}

	private ensureRoom(height: number): void {
		const bottom = margin + (this.frame ? 24 : 0);
		if (this.y - height >= bottom) return;
		this.page = this.addPage();
		this.y = a4.height - margin - (this.frame ? 24 : 0);
	}

	/** Vertical space. */
	gap(points: number): void {
		this.y -= points;
	}

	/** Moves the cursor to `fromBottom` points above the bottom margin, e.g. to put the issuer at the foot. */
	moveToBottom(fromBottom: number): void {
		const target = margin + (this.frame ? 24 : 0) + fromBottom;
		if (target < this.y) this.y = target;
	}

	/** A paragraph, wrapped to the text width. */
	text(value: string, options: TextOptions = {}): void {
		const size = options.size ?? 11;
		const font = this.fonts[options.weight ?? 'regular'];
		const lineHeight = size * 1.6;
		for (const line of wrapLines(value, font, size, this.textWidth)) {
			this.ensureRoom(lineHeight);
			this.y -= size * 1.2;
			this.drawLine(line, font, size, options.align ?? 'left', this.left, this.textWidth, options.muted);
			this.y -= lineHeight - size * 1.2;
		}
		this.y -= options.after ?? size / 2;
	}

	private drawLine(line: string, font: PDFFont, size: number, align: Align, left: number, width: number, muted = false): void {
		const lineWidth = font.widthOfTextAtSize(line, size);
		const x = align === 'center' ? left + (width - lineWidth) / 2 : align === 'right' ? left + width - lineWidth : left;
		this.page.drawText(line, { x, y: this.y, size, font, color: muted ? rgb(0.35, 0.35, 0.35) : rgb(0.1, 0.1, 0.1) });
	}

	/** A thin horizontal rule across the text width. */
	rule(): void {
		this.ensureRoom(12);
		this.y -= 6;
		this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.left + this.textWidth, y: this.y }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
		this.y -= 6;
	}

	/** A table with a bold header row, repeated on each new page; cells are single lines cut to their column. */
	table(columns: TableColumn[], rows: ReadonlyArray<ReadonlyArray<string>>, size = 10): void {
		const total = columns.reduce((sum, column) => sum + column.width, 0);
		const widths = columns.map((column) => (column.width / total) * this.textWidth);
		const rowHeight = size * 2;
		const drawRow = (cells: ReadonlyArray<string>, weight: FontWeight) => {
			this.y -= size * 1.4;
			let x = this.left;
			cells.forEach((cell, index) => {
				const width = widths[index]!;
				const fitted = fitToWidth(cell, this.fonts[weight], size, width - 6);
				this.drawLine(fitted, this.fonts[weight], size, columns[index]!.align ?? 'left', x + 3, width - 6);
				x += width;
			});
			this.y -= rowHeight - size * 1.4;
			this.page.drawLine({
				start: { x: this.left, y: this.y + 2 },
				end: { x: this.left + this.textWidth, y: this.y + 2 },
				thickness: 0.4,
				color: rgb(0.75, 0.75, 0.75)
			});
		};
		this.ensureRoom(rowHeight * 2);
		drawRow(
			columns.map((column) => column.header),
			'bold'
		);
		for (const row of rows) {
			if (this.y - rowHeight < margin + (this.frame ? 24 : 0)) {
				this.ensureRoom(Number.POSITIVE_INFINITY);
				drawRow(
					columns.map((column) => column.header),
					'bold'
				);
			}
			drawRow(row, 'regular');
		}
		this.y -= size / 2;
	}

	/**
	 * A QR code of `link` at the left, `size` points wide with its quiet zone, and lines of text beside it (for
	 * people who cannot scan it: the link itself, written out).
	 */
	qrWithCaption(link: string, caption: string[], size = 96): void {
		this.ensureRoom(size);
		const code = qrCode(link);
		const module = size / (code.size + 8);
		const top = this.y;
		const left = this.left;
		this.page.drawRectangle({ x: left, y: top - size, width: size, height: size, color: rgb(1, 1, 1) });
		for (const run of qrRuns(code)) {
			this.page.drawRectangle({
				x: left + (run.x + 4) * module,
				y: top - (run.y + 5) * module,
				width: run.width * module,
				height: module,
				color: rgb(0, 0, 0)
			});
		}
		const captionLeft = left + size + 12;
		const captionWidth = this.textWidth - size - 12;
		this.y = top - 8;
		for (const [index, line] of caption.entries()) {
			const lineSize = index === 0 ? 10 : 9;
			for (const wrapped of wrapLines(line, this.fonts.regular, lineSize, captionWidth)) {
				this.y -= lineSize * 1.2;
				this.drawLine(wrapped, this.fonts.regular, lineSize, 'left', captionLeft, captionWidth, index > 0);
				this.y -= lineSize * 0.45;
			}
		}
		this.y = Math.min(this.y, top - size) - 8;
	}

	/** The file's bytes (in a buffer of their own, as a Response body wants). */
	async save(): Promise<Uint8Array<ArrayBuffer>> {
		return new Uint8Array(await this.pdf.save());
	}
}

/** Splits text into lines no wider than `width`, at any character (Japanese has no spaces) but never before closing
 * punctuation or after an opening bracket, and keeping runs of Latin letters and digits (a URL, a year) together when
 * they fit on a line of their own. Explicit line breaks are kept. */
export function wrapLines(text: string, font: Pick<PDFFont, 'widthOfTextAtSize'>, size: number, width: number): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		const tokens = paragraph.match(/[A-Za-z0-9@:/._\-?=&%#~+]+|./gu) ?? [''];
		let line = '';
		for (const token of tokens) {
			const candidate = line + token;
			if (line === '' || font.widthOfTextAtSize(candidate, size) <= width) {
				line = candidate;
				continue;
			}
			if (noLineStart.has(token)) {
				// Carry the last character over with it instead of starting a line with the punctuation.
				const last = [...line].at(-1)!;
				lines.push(line.slice(0, -last.length));
				line = last + token;
				continue;
			}
			const last = [...line].at(-1)!;
			if (noLineEnd.has(last)) {
				lines.push(line.slice(0, -last.length));
				line = last + token;
				continue;
			}
			lines.push(line);
			line = token;
		}
		// A token wider than the line on its own (a very long URL) is cut by characters.
		lines.push(line);
	}
	return lines.flatMap((line) => (font.widthOfTextAtSize(line, size) <= width ? [line] : cutByCharacters(line, font, size, width)));
}

function cutByCharacters(line: string, font: Pick<PDFFont, 'widthOfTextAtSize'>, size: number, width: number): string[] {
	const pieces: string[] = [];
	let piece = '';
	for (const char of line) {
		if (piece && font.widthOfTextAtSize(piece + char, size) > width) {
			pieces.push(piece);
			piece = '';
		}
		piece += char;
	}
	pieces.push(piece);
	return pieces;
}

function fitToWidth(text: string, font: PDFFont, size: number, width: number): string {
	if (font.widthOfTextAtSize(text, size) <= width) return text;
	let fitted = text;
	while (fitted.length > 1 && font.widthOfTextAtSize(`${fitted}…`, size) > width) fitted = fitted.slice(0, -1);
	return `${fitted}…`;
}

/** The response headers of a PDF download; the file name may be Japanese (RFC 6266). */
export function pdfDownloadHeaders(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): Record<string, string> {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
	return {
		'content-type': 'application/pdf',
		'content-disposition': `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
		'cache-control': 'private, no-store'
	};
}
