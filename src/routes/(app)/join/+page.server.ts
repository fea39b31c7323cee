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
		const problem = await membership.submitApplication(locals.db, user, parsed.data, locals.config.origin);
		if (problem)
			return failWith(
				form,
				problem,
				problem === 'join_error_guardian_is_self' ? 'guardianEmail' : undefined,
				problem === 'join_error_too_many_mails' ? 429 : 400
			);
		return { submitted: true };
	},
	resend: async ({ locals }) => {
		const { user } = auth.requireUser(locals);
		const problem = await membership.resendConsentRequest(locals.db, user.id, locals.config.origin);
		if (problem) return failWith(new FormData(), problem, undefined, problem === 'join_error_too_many_mails' ? 429 : 400);
		return { resent: true };
	},
	cancel: async ({ locals }) => {
		const { user } = auth.requireUser(locals);
		await membership.cancelApplication(locals.db, user.id);
		return { cancelled: true };
	}
};
