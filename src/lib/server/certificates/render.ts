// The printed forms: a certificate as an A4 PDF in Japanese (whatever the page's language: it is shown to Japanese
// schools, universities and employers), with its verification link as a QR code and written out; and a partner
// organisation's yearly report. The words are messages in messages/ja.json (certificates_pdf_…).
import * as m from '../../paraglide/messages.js';
import { A4Document } from '../documents';
import type { VerifiedCertificate } from './certificates';
import type { OrganisationReport } from './mentors';

const ja = { locale: 'ja' } as const;

/** '2026年12月8日' from an instant (in Japan) or a 'YYYY-MM-DD' date. */
export function japaneseDate(value: Date | string): string {
	const iso = typeof value === 'string' ? value : new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(value);
	const [year, month, day] = iso.split('-').map(Number);
	return m.certificates_pdf_date({ year: year!, month: month!, day: day! }, ja);
}

/** '2025年度(2025年4月1日〜2026年3月31日)'. */
export function schoolYearPeriod(schoolYear: number): string {
	return m.certificates_pdf_school_year({ year: schoolYear, from: japaneseDate(`${schoolYear}-04-01`), to: japaneseDate(`${schoolYear + 1}-03-31`) }, ja);
}

/** The link printed on a certificate and in its QR code. */
export function verificationUrl(origin: string, code: string): string {
	return `${origin.replace(/\/$/, '')}/certificates/${code}`;
}

export function certificateFileName(certificate: Pick<VerifiedCertificate, 'facts'>): string {
	const facts = certificate.facts;
	if (facts.kind === 'track') return m.certificates_pdf_file_track({ track: facts.titleJa }, ja) + '.pdf';
	if (facts.kind === 'school_year') return m.certificates_pdf_file_school_year({ year: facts.schoolYear }, ja) + '.pdf';
	return m.certificates_pdf_file_mentor({ year: facts.schoolYear }, ja) + '.pdf';
}

export async function certificatePdf(certificate: VerifiedCertificate, origin: string): Promise<Uint8Array<ArrayBuffer>> {
	const facts = certificate.facts;
	const mentor = facts.kind === 'mentor_year';
	const title = mentor ? m.certificates_pdf_title_activity({}, ja) : m.certificates_pdf_title_completion({}, ja);
	const document = await A4Document.create({ title: `${title} ${certificate.holderName}`, frame: true });
	document.gap(40);
	document.text(title, { size: 36, weight: 'bold', align: 'center', after: 40 });
	document.text(
		mentor ? m.certificates_pdf_holder_mentor({ name: certificate.holderName }, ja) : m.certificates_pdf_holder_student({ name: certificate.holderName }, ja),
		{
			size: 22,
			weight: 'bold',
			align: 'center',
			after: mentor && facts.organisation ? 6 : 36
		}
	);
	if (mentor && facts.organisation)
		document.text(m.certificates_pdf_organisation({ organisation: facts.organisation }, ja), { size: 12, align: 'center', after: 30 });

	if (facts.kind === 'track') {
		document.text(m.certificates_pdf_body_track({ track: facts.titleJa, count: facts.exercises }, ja), { size: 14, after: 20 });
		document.text(m.certificates_pdf_completed_on({ date: japaneseDate(facts.completedOn) }, ja), { size: 12, align: 'center' });
	} else if (facts.kind === 'school_year') {
		document.text(m.certificates_pdf_body_school_year({ period: schoolYearPeriod(facts.schoolYear) }, ja), { size: 14, after: 20 });
		document.text(m.certificates_pdf_solved({ count: facts.solved }, ja), { size: 13, align: 'center', after: 4 });
		document.text(m.certificates_pdf_sessions({ count: facts.sessions }, ja), { size: 13, align: 'center', after: 4 });
	} else {
		document.text(m.certificates_pdf_body_mentor({ period: schoolYearPeriod(facts.schoolYear) }, ja), { size: 14, after: 20 });
		document.text(m.certificates_pdf_mentor_sessions({ count: facts.sessions, hours: facts.hours }, ja), { size: 13, align: 'center', after: 4 });
		document.text(m.certificates_pdf_mentor_reviews({ count: facts.reviews }, ja), { size: 13, align: 'center', after: 4 });
	}
	if (facts.kind !== 'track' && facts.asOf < `${facts.schoolYear + 1}-03-31`) {
		document.text(m.certificates_pdf_as_of({ date: japaneseDate(facts.asOf) }, ja), { size: 10, align: 'center', muted: true });
	}

	document.moveToBottom(230);
	document.text(m.certificates_pdf_issued_on({ date: japaneseDate(certificate.issuedAt) }, ja), { size: 12, align: 'right', after: 8 });
	document.text(m.certificates_pdf_club({}, ja), { size: 16, weight: 'bold', align: 'right', after: 2 });
	document.text(m.certificates_pdf_city({}, ja), { size: 12, align: 'right', after: 24 });
	const link = verificationUrl(origin, certificate.code);
	document.qrWithCaption(link, [m.certificates_pdf_verify({}, ja), link, m.certificates_pdf_code({ code: certificate.code }, ja)], 88);
	return document.save();
}

export function organisationReportFileName(report: OrganisationReport): string {
	return m.certificates_report_file({ organisation: report.organisation.name, year: report.schoolYear }, ja);
}

/** The report's rows as the CSV and the PDF share them: one header, one row per mentor, then the totals. */
export function organisationReportRows(report: OrganisationReport): {
	header: string[];
	rows: Array<[string, number, number, number]>;
	totals: [string, number, number, number];
} {
	return {
		header: [
			m.certificates_report_mentor({}, ja),
			m.certificates_report_sessions({}, ja),
			m.certificates_report_hours({}, ja),
			m.certificates_report_reviews({}, ja)
		],
		rows: report.mentors.map((row) => [row.name, row.sessions, row.hours, row.reviews]),
		totals: [m.certificates_report_total({ count: report.totals.mentors }, ja), report.totals.sessions, report.totals.hours, report.totals.reviews]
	};
}

export async function organisationReportPdf(report: OrganisationReport, now = new Date()): Promise<Uint8Array<ArrayBuffer>> {
	const title = m.certificates_report_title({}, ja);
	const document = await A4Document.create({ title: `${title} ${report.organisation.name} ${report.schoolYear}` });
	document.text(title, { size: 22, weight: 'bold', after: 6 });
	document.text(report.organisation.name, { size: 15, weight: 'bold', after: 2 });
	document.text(schoolYearPeriod(report.schoolYear), { size: 12, after: 12 });
	document.text(
		m.certificates_report_summary(
			{
				active: report.totals.active,
				mentors: report.totals.mentors,
				sessions: report.totals.sessions,
				hours: report.totals.hours,
				reviews: report.totals.reviews
			},
			ja
		),
		{ size: 11, after: 12 }
	);
	const { header, rows, totals } = organisationReportRows(report);
	document.table(
		[
			{ header: header[0]!, width: 4 },
			{ header: header[1]!, width: 2, align: 'right' },
			{ header: header[2]!, width: 2, align: 'right' },
			{ header: header[3]!, width: 2, align: 'right' }
		],
		[...rows, totals].map((row) => row.map(String))
	);
	document.text(m.certificates_report_note({}, ja), { size: 9, muted: true, after: 16 });
	document.text(m.certificates_report_made_on({ date: japaneseDate(now) }, ja), { size: 10, align: 'right', after: 2 });
	document.text(`${m.certificates_pdf_club({}, ja)}（${m.certificates_pdf_city({}, ja)}）`, { size: 10, align: 'right' });
	return document.save();
}
