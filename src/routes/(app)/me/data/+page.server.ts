import * as auth from '$lib/server/auth';
import * as membership from '$lib/server/membership';
import { parseForm } from '$lib/server/forms';
import { deletionRequestForm } from '$lib/validation/membership';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireUser(locals, url);
	const member = await membership.findMemberByUser(locals.db, user.id);
	return {
		membership: member
			? { memberNumber: member.memberNumber, joinedOn: member.joinedOn, status: member.status, deletionRequested: member.deletionRequestedAt !== null }
			: null
	};
};

export const actions: Actions = {
	delete: async ({ locals, request }) => {
		const { user } = auth.requireUser(locals);
		const parsed = parseForm(deletionRequestForm, await request.formData());
		if (!parsed.ok) return parsed.failure;
		return { outcome: await membership.requestDeletion(locals.db, user, parsed.data.reason) };
	}
};
