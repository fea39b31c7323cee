import { describe, expect, it } from 'vitest';
import { decodeCsv, neutraliseFormula, parseCsv, writeCsv } from './csv';

describe('CSV for Excel', () => {
	it('neutralises every cell a spreadsheet would run as a formula', () => {
		for (const hostile of ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
			expect(neutraliseFormula(hostile)).toBe(`'${hostile}`);
		}
		expect(neutraliseFormula('金沢 花子')).toBe('金沢 花子');
		const csv = writeCsv([
			['名前', 'メモ'],
			['=1+2', '-ok'],
			[42, null]
		]);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toBe("\uFEFF名前,メモ\r\n'=1+2,'-ok\r\n42,\r\n");
	});

	it('quotes commas, quotes and line breaks, and reads them back', () => {
		const rows = [
			['a,b', 'say "hi"', 'two\nlines'],
			['', 'x']
		];
		const written = writeCsv(rows);
		expect(written).toContain('"a,b","say ""hi""","two\nlines"');
		expect(parseCsv(written)).toEqual(rows);
		expect(parseCsv('a,b\r\nc,d\n')).toEqual([
			['a', 'b'],
			['c', 'd']
		]);
	});

	it('reads UTF-8 with or without a BOM, Shift_JIS, and refuses anything else', () => {
		const utf8 = new TextEncoder().encode('氏名\n金沢');
		expect(decodeCsv(utf8)).toEqual({ text: '氏名\n金沢', encoding: 'utf-8' });
		expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: '氏名\n金沢', encoding: 'utf-8' });
		// 「氏名」 in Shift_JIS.
		expect(decodeCsv(new Uint8Array([0x8e, 0x81, 0x96, 0xbc]))).toEqual({ text: '氏名', encoding: 'shift_jis' });
		// UTF-16 as Excel's "Unicode text" writes it is neither.
		expect(decodeCsv(new Uint8Array([0xff, 0xfe, 0x0f, 0x6c, 0x0d, 0x54, 0x80, 0xff]))).toBeNull();
	});
});
