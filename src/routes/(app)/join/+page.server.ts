import * as auth from '$lib/server/auth';
import * as membership from '$lib/server/membership';
import { failWith, parseForm } from '$lib/server/forms';
import { applicationForm } from '$lib/validation/membership';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireUser(locals, url);
	const [member, application] = await Promise.all([membership.findMemberByUser(locals.db, user.id), membership.latestApplication(locals.db, user.id)]);
	return {
		emailVerified: user.emailVerified,
		again: url.searchParams.has('again'),
		registered: url.searchParams.has('registered'),
		memberNumber: member && !member.anonymisedAt ? member.memberNumber : null,
		application,
		schools: membership.schools.map(({ code, name, kind }) => ({ code, name, kind }))
	};
};

export const actions: Actions = {
	apply: async ({ request, locals }) => {
		const { user } = auth.requireUser(locals);
		const form = await request.formData();
		const parsed = parseForm(applicationForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await membership.submitApplication(locals.db, user, parsed.data, locals.config.origin);
		if (!outcome.ok)
			return failWith(
				form,
				outcome.problem,
				outcome.problem === 'join_error_guardian_is_self' ? 'guardianEmail' : undefined,
				outcome.problem === 'join_error_too_many_mails' ? 429 : 400
			);
		return { submitted: true };
	},
	resend: async ({ locals }) => {
		const { user } = auth.requireUser(locals);
		const outcome = await membership.resendConsentRequest(locals.db, user.id, locals.config.origin);
		if (!outcome.ok) return failWith(new FormData(), outcome.problem, undefined, outcome.problem === 'join_error_too_many_mails' ? 429 : 400);
		return { resent: true };
	},
	cancel: async ({ locals }) => {
		const { user } = auth.requireUser(locals);
		await membership.cancelApplication(locals.db, user.id);
		return { cancelled: true };
	}
};
