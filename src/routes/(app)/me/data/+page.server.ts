import * as auth from '$lib/server/auth';
import * as membership from '$lib/server/membership';
import { failWith, parseForm } from '$lib/server/forms';
import { deletionRequestForm } from '$lib/validation/membership';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireUser(locals, url);
	const member = await membership.findMemberByUser(locals.db, user.id);
	return {
		membership: member
			? { memberNumber: member.memberNumber, joinedOn: member.joinedOn, status: member.status, deletionRequested: member.deletionRequestedAt !== null }
			: null,
		// Not a member: only application records can be deleted, at once; with none left there is nothing to offer.
		erasable: member ? true : await membership.hasErasableApplications(locals.db, user.id)
	};
};

export const actions: Actions = {
	delete: async ({ locals, request }) => {
		const { user } = auth.requireUser(locals);
		const form = await request.formData();
		const parsed = parseForm(deletionRequestForm, form);
		if (!parsed.ok) return parsed.failure;
		// Without a membership the erasure happens at once and cannot be undone: only with the box ticked.
		if (!parsed.data.confirm && !(await membership.findMemberByUser(locals.db, user.id))) return failWith(form, 'privacy_error_confirm_erase', 'confirm');
		return { outcome: await membership.requestDeletion(locals.db, user, parsed.data.reason) };
	}
};
