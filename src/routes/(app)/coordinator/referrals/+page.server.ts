import * as auth from '$lib/server/auth';
import * as trials from '$lib/server/trials';
import { failWith, inSection, parseForm } from '$lib/server/forms';
import { referralCodeForm } from '$lib/validation/trials';
import type { Actions, PageServerLoad } from './$types';

/** Ref codes with what each brought: visits, trial bookings, who came, applications, approvals. */
export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	return { codes: await trials.listCodeFigures(locals.db), origin: locals.config.origin };
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(referralCodeForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'create');
		const outcome = await trials.createReferralCode(locals.db, user, { ...parsed.data, code: parsed.data.code ?? null });
		if (!outcome.ok) return inSection(failWith(form, outcome.problem, 'code', 409), 'create');
		return { created: outcome.code };
	},
	archive: async ({ request, locals }) => {
		auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const outcome = await trials.setCodeArchived(locals.db, String(form.get('id') ?? ''), form.get('archived') === 'true');
		if (!outcome.ok) return inSection(failWith(form, outcome.problem, undefined, 404), 'archive');
		return { archived: true };
	}
};
