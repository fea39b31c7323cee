import * as auth from '$lib/server/auth';
import * as dashboard from '$lib/server/dashboard';
import { csvDownloadHeaders } from '$lib/server/csv';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const { user } = auth.requireRole(locals, 'coordinator');
	const { csv, asOf } = await dashboard.exportReport(locals.db, user, new Date(), dashboard.pageReportOptions);
	return new Response(csv, { headers: csvDownloadHeaders(`kanazawa-itbu-kpi-${asOf}.csv`) });
};
