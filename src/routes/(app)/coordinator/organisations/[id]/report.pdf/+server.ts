import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as certificates from '$lib/server/certificates';
import { pdfDownloadHeaders } from '$lib/server/documents';
import { japanDate, schoolYearOf } from '$lib/japan-time';
import { reportYear } from '$lib/validation/certificates';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { user } = auth.requireRole(locals, 'coordinator');
	const schoolYear = reportYear(url.searchParams.get('year'), schoolYearOf(japanDate()));
	const exported = await certificates.exportOrganisationReport(locals.db, user, params.id, schoolYear, 'pdf');
	if (!exported) error(404, 'org_not_found');
	return new Response(exported.body, { headers: pdfDownloadHeaders(exported.fileName) });
};
