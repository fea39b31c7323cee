// Test support for documents: the text of a PDF as a reader extracts it (pdf.js, Mozilla's PDF reader), so tests check
// what a person or a screen reader gets out of the file, not what we meant to write into it.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
	pages: number;
	/** The document's title and language, as a reader shows them. */
	title: string;
	language: string | null;
	/** Each page's text, its lines joined with line breaks. */
	text: string;
	/** The same without any white space, for checks that must not depend on where a line was wrapped. */
	compact: string;
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
	// pdf.js takes ownership of the buffer it is given: hand it a copy.
	const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise;
	const texts: string[] = [];
	for (let number = 1; number <= document.numPages; number++) {
		const page = await document.getPage(number);
		const content = await page.getTextContent();
		texts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
	}
	const pages = document.numPages;
	const { info } = (await document.getMetadata()) as { info: { Title?: string; Language?: string } };
	await document.destroy();
	const text = texts.join('\n');
	return { pages, title: info.Title ?? '', language: info.Language ?? null, text, compact: text.replace(/\s+/g, '') };
}
