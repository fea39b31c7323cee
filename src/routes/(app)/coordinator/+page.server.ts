import * as auth from '$lib/server/auth';
import * as dashboard from '$lib/server/dashboard';
import { failWith, parseForm } from '$lib/server/forms';
import { targetForm } from '$lib/validation/membership';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	return dashboard.dashboardOverview(locals.db, locals.locale);
};

export const actions: Actions = {
	target: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(targetForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await dashboard.setTarget(locals.db, user, { count: parsed.data.targetCount, date: parsed.data.targetDate });
		if (!outcome.ok) return failWith(form, outcome.problem, 'targetDate');
		return { targetSaved: true };
	}
};
