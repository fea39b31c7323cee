import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as certificates from '$lib/server/certificates';
import { isUuid } from '$lib/server/ids';
import { japanDate, schoolYearOf } from '$lib/japan-time';
import { reportYear } from '$lib/validation/certificates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const schoolYear = reportYear(url.searchParams.get('year'), schoolYearOf(japanDate()));
	const report = isUuid(params.id) ? await certificates.organisationReport(locals.db, params.id, schoolYear) : null;
	if (!report) error(404, 'org_not_found');
	return { report, years: await certificates.reportableYears(locals.db) };
};
