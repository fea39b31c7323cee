import * as auth from '$lib/server/auth';
import * as dashboard from '$lib/server/dashboard';
import { parseQuery } from '$lib/server/forms';
import { whatIfForm } from '$lib/validation/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const whatIf = parseQuery(whatIfForm, url.searchParams);
	const { report, computedAt } = await dashboard.funnelPage(locals.db, {
		periodId: url.searchParams.get('period') ?? undefined,
		whatIf: whatIf.ok ? { extraBookings: whatIf.data.bookings ?? 0, extraApplications: whatIf.data.applications ?? 0 } : undefined
	});
	return { report, computedAt, whatIfValues: whatIf.values, whatIfErrors: whatIf.ok ? {} : whatIf.errors };
};
