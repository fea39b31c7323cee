import { describe, expect, it } from 'vitest';
import { qrCode, qrRuns, qrSvg } from './qr';

describe('QR codes', () => {
	it('has the finder patterns in three corners and none in the fourth', () => {
		const code = qrCode('https://itbu.example.jp/trial?ref=FLYER1');
		const at = (x: number, y: number) => code.modules[y]![x]!;
		const end = code.size - 1;
		for (const [x, y] of [
			[0, 0],
			[end, 0],
			[0, end]
		] as const) {
			expect(at(x, y)).toBe(true);
		}
		// Version 1 codes are 21 modules a side and grow by four a version.
		expect((code.size - 21) % 4).toBe(0);
		expect(code.modules).toHaveLength(code.size);
	});

	it('draws exactly the dark modules as runs', () => {
		const code = qrCode('修了証 https://itbu.example.jp/certificates/abc');
		const dark = code.modules.flat().filter(Boolean).length;
		expect(qrRuns(code).reduce((sum, run) => sum + run.width, 0)).toBe(dark);
	});

	it('names the picture for screen readers and escapes the name', () => {
		const svg = qrSvg('https://itbu.example.jp/', '体験会の申し込み "QR"');
		expect(svg).toContain('role="img"');
		expect(svg).toContain('aria-label="体験会の申し込み &quot;QR&quot;"');
		expect(svg).not.toContain('https://itbu.example.jp/');
	});
});
