// The printed certificates and reports, read back the way a reader extracts their text (pdf.js): Japanese that
// extracts correctly, the holder's name, the club and the city, what was achieved, and the verification link.
import { describe, expect, it } from 'vitest';
import { pdfText } from '../documents/testing';
import type { VerifiedCertificate } from './certificates';
import type { OrganisationReport } from './mentors';
import { certificateFileName, certificatePdf, organisationReportPdf, verificationUrl } from './render';

const origin = 'https://portal.example.jp';
const code = 'abcdefghijklmnopqrstuvwxyz';
const issuedAt = new Date('2026-12-08T03:00:00Z');

const trackCertificate: VerifiedCertificate = {
	code,
	holderName: '金沢 はるか',
	facts: { kind: 'track', trackId: 'basics', titleJa: '「情報I」プログラミングの基礎', titleEn: 'basics', exercises: 20, completedOn: '2026-11-30' },
	issuedAt,
	status: 'valid',
	revokedAt: null
};

describe('certificate PDFs', () => {
	it('is one A4 page in Japanese with the name, the club and the city, the achievement and the verification link', async () => {
		const started = performance.now();
		const bytes = await certificatePdf(trackCertificate, origin);
		const elapsed = performance.now() - started;
		const { pages, compact, text } = await pdfText(bytes);
		expect(pages).toBe(1);
		for (const expected of [
			'修了証',
			'金沢はるかさん',
			'金沢IT部活',
			'金沢市',
			'「情報I」プログラミングの基礎',
			'演習20問をすべて解き',
			'修了日2026年11月30日',
			'発行日2026年12月8日'
		]) {
			expect(compact).toContain(expected);
		}
		// The link is written out whole on one line, as well as in the QR code.
		expect(text).toContain(verificationUrl(origin, code));
		expect(compact).toContain(`確認コード${code}`);
		// Subset fonts: kilobytes, not the 5 MB of each full font. (Printed for the README, not asserted on time.)
		expect(bytes.length).toBeLessThan(150_000);
		console.info(`certificate PDF: ${bytes.length} bytes in ${elapsed.toFixed(0)} ms`);
		expect(certificateFileName(trackCertificate)).toBe('修了証_「情報I」プログラミングの基礎.pdf');
	});

	it('says a school year and its figures', async () => {
		const bytes = await certificatePdf(
			{ ...trackCertificate, holderName: 'はるか', facts: { kind: 'school_year', schoolYear: 2025, solved: 31, sessions: 9, asOf: '2026-03-31' } },
			origin
		);
		const { compact } = await pdfText(bytes);
		for (const expected of ['はるかさん', '2025年度（2025年4月1日〜2026年3月31日）', '解いた演習31問', '参加した活動日9回'])
			expect(compact).toContain(expected);
		expect(compact).not.toContain('現在');
	});

	it('is an activity certificate for a mentor, with hours, reviews, the organisation and the date the figures were counted', async () => {
		const bytes = await certificatePdf(
			{
				...trackCertificate,
				holderName: '犀川 たける',
				facts: { kind: 'mentor_year', schoolYear: 2026, organisation: '金沢工業大学', sessions: 7, hours: 19.5, reviews: 23, asOf: '2026-12-08' }
			},
			origin
		);
		const { compact } = await pdfText(bytes);
		for (const expected of [
			'活動証明書',
			'犀川たける様',
			'所属金沢工業大学',
			'活動日への参加7回（計19.5時間）',
			'コードレビュー23件',
			'（2026年12月8日現在）',
			'金沢市'
		]) {
			expect(compact).toContain(expected);
		}
	});

	it('keeps a long name and a long track title inside the page, wrapped', async () => {
		const long = '寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末食う寝る処に住む処';
		const { compact, pages } = await pdfText(await certificatePdf({ ...trackCertificate, holderName: long }, origin));
		expect(pages).toBe(1);
		expect(compact).toContain(`${long}さん`);
	});
});

describe('organisation report PDF', () => {
	it('lists the mentors with their sessions, hours and reviews, and the totals, over as many pages as needed', async () => {
		const mentors = Array.from({ length: 60 }, (_, index) => ({
			name: `メンター${index + 1}`,
			sessions: index % 4,
			hours: (index % 4) * 2.5,
			reviews: index % 7
		}));
		const report: OrganisationReport = {
			organisation: { id: crypto.randomUUID(), name: '金沢工業大学' },
			schoolYear: 2026,
			mentors,
			totals: { mentors: 60, active: 55, sessions: 90, hours: 225, reviews: 171 }
		};
		const { compact, pages } = await pdfText(await organisationReportPdf(report, issuedAt));
		expect(pages).toBeGreaterThan(1);
		for (const expected of [
			'メンター活動報告',
			'金沢工業大学',
			'2026年度',
			'メンター1',
			'メンター60',
			'合計（60人）',
			'生徒の情報は含みません',
			'作成日2026年12月8日'
		]) {
			expect(compact).toContain(expected);
		}
	});
});
