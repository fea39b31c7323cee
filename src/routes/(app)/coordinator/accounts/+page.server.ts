import { fail } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireRole(locals, 'coordinator', url);
	const search = url.searchParams.get('q')?.trim().slice(0, 100) ?? '';
	return { search, selfId: user.id, accounts: await auth.listAccounts(locals.db, { search: search || undefined }) };
};

export const actions: Actions = {
	change: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const change = auth.accountChange.safeParse({ kind: form.get('kind'), role: form.get('role') ?? undefined });
		if (!change.success) return fail(400, { message: translate('error_form_fix') });
		const outcome = await auth.changeAccount(locals.db, user.id, String(form.get('userId') ?? ''), change.data);
		if (!outcome.ok) return fail(outcome.problem === 'accounts_not_found' ? 404 : 400, { message: translate(outcome.problem) });
		return { updated: true };
	}
};
