// The A4 layer: Japanese wrapped by width without a line starting with closing punctuation, and text that a reader
// extracts as it was written.
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontkitForPdfLib, loadFont } from './fontkit';
import { A4Document, wrapLines } from './pdf';
import { pdfText } from './testing';

/** Every character one unit wide, so widths are character counts. */
const monospace = { widthOfTextAtSize: (text: string) => [...text].length };

describe('wrapLines', () => {
	it('breaks Japanese anywhere, but never before 、。」 or after 「', () => {
		expect(wrapLines('あいうえお、かきくけこ', monospace, 1, 5)).toEqual(['あいうえ', 'お、かきく', 'けこ']);
		expect(wrapLines('あいう「えお', monospace, 1, 4)).toEqual(['あいう', '「えお']);
	});

	it('keeps a run of Latin letters and digits together when it fits a line, and cuts one that does not', () => {
		expect(wrapLines('確認 https://x.jp/abc', monospace, 1, 18)).toEqual(['確認 ', 'https://x.jp/abc']);
		expect(wrapLines('abcdefghij', monospace, 1, 4)).toEqual(['abcd', 'efgh', 'ij']);
	});

	it('keeps explicit line breaks', () => {
		expect(wrapLines('一行目\n二行目', monospace, 1, 10)).toEqual(['一行目', '二行目']);
	});
});

describe('A4Document', () => {
	it('writes Japanese, Latin and digits that extract unchanged, with the title and language set', async () => {
		const document = await A4Document.create({ title: 'テスト文書' });
		document.text('金沢IT部活 ― 漢字・ひらがな・カタカナ・ABC 123、「情報I」。', { size: 12 });
		document.rule();
		document.table(
			[
				{ header: '名前', width: 3 },
				{ header: '時間', width: 1, align: 'right' }
			],
			[['犀川', '2.5']]
		);
		const bytes = await document.save();
		const { text, compact, title, language } = await pdfText(bytes);
		expect(title).toBe('テスト文書');
		expect(language).toBe('ja-JP');
		expect(text).toContain('金沢IT部活 ― 漢字・ひらがな・カタカナ・ABC 123、「情報I」。');
		expect(compact).toContain('名前時間犀川2.5');
	});
});

interface OutlinedFont {
	layout(text: string): { glyphs: Array<{ id: number; path: { bbox: object; commands: unknown[] } }> };
	getGlyph(id: number): { path: { bbox: object; commands: unknown[] } };
}

describe('font subsets', () => {
	it('keep every glyph’s outline (the stale fontkit fork pdf-lib suggests blanked half the kanji)', async () => {
		const bytes = await loadFont('regular');
		const original = fontkit.create(Buffer.from(bytes)) as OutlinedFont;
		const subset = fontkitForPdfLib.create(bytes).createSubset();
		const glyphs = original.layout('修了証 金沢市 金沢IT部活 はるかさん「情報I」演習を解きました。2026年').glyphs;
		const ids = glyphs.map((glyph) => subset.includeGlyph(glyph.id));
		const encoded = await new Promise<Uint8Array>((resolve, reject) => {
			const stream = subset.encodeStream() as unknown as { on(event: string, handler: (value: never) => void): typeof stream };
			stream.on('data', resolve).on('error', reject);
		});
		const reparsed = fontkit.create(Buffer.from(encoded)) as OutlinedFont;
		glyphs.forEach((glyph, index) => {
			const copy = reparsed.getGlyph(ids[index]!);
			expect(copy.path.commands.length).toBe(glyph.path.commands.length);
			expect(copy.path.bbox).toEqual(glyph.path.bbox);
		});
		expect(encoded.length).toBeLessThan(bytes.length / 50);
	});
});
