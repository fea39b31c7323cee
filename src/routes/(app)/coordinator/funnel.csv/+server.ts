import * as auth from '$lib/server/auth';
import * as dashboard from '$lib/server/dashboard';
import { csvDownloadHeaders } from '$lib/server/csv';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const { user } = auth.requireRole(locals, 'coordinator');
	const { csv, asOf } = await dashboard.exportFunnel(locals.db, user, { periodId: url.searchParams.get('period') ?? undefined });
	return new Response(csv, { headers: csvDownloadHeaders(`kanazawa-itbu-funnel-${asOf}.csv`) });
};
