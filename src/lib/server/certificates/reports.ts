// A partner organisation's yearly report for its contact person, as CSV or PDF: its mentors, their sessions, hours and
// reviews, and no student data at all. Each download is audited, like every other export.
import * as audit from '../audit';
import { writeCsv } from '../csv';
import type { Database } from '../db';
import { isUuid } from '../ids';
import { organisationReport } from './mentors';
import { organisationReportFileName, organisationReportPdf, organisationReportRows, schoolYearPeriod } from './render';

export type ReportFormat = 'csv' | 'pdf';

export async function exportOrganisationReport(
	db: Database,
	actor: audit.Actor,
	organisationId: string,
	schoolYear: number,
	format: ReportFormat,
	now = new Date()
): Promise<{ body: string | Uint8Array<ArrayBuffer>; fileName: string } | null> {
	if (!isUuid(organisationId)) return null;
	const report = await organisationReport(db, organisationId, schoolYear, now);
	if (!report) return null;
	const fileName = `${organisationReportFileName(report)}.${format}`;
	const { header, rows, totals } = organisationReportRows(report);
	const body =
		format === 'csv' ? writeCsv([[report.organisation.name, schoolYearPeriod(schoolYear)], header, ...rows, totals]) : await organisationReportPdf(report, now);
	await audit.record(db, actor, 'organisation_report_exported', {
		detail: { organisationId, organisation: report.organisation.name, schoolYear, format, count: report.mentors.length }
	});
	return { body, fileName };
}
