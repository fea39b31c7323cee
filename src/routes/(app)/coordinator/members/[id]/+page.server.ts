import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as membership from '$lib/server/membership';
import { japanDate } from '$lib/japan-time';
import { failWith, inSection, parseForm } from '$lib/server/forms';
import { noteForm, statusChangeForm } from '$lib/validation/membership';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { user } = auth.requireRole(locals, 'coordinator', url);
	const member = await membership.viewMember(locals.db, user, params.id);
	if (!member) error(404, 'member_not_found');
	return { member, today: japanDate(), approvedNumber: url.searchParams.get('approved') };
};

const statusCode = (problem: string) => (problem === 'member_not_found' ? 404 : 400);

export const actions: Actions = {
	status: async ({ locals, params, request }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(statusChangeForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'status');
		const outcome = await membership.changeStatus(locals.db, user, params.id, parsed.data);
		if (!outcome.ok)
			return inSection(
				failWith(form, outcome.problem, outcome.problem === 'member_status_date_invalid' ? 'changedOn' : 'status', statusCode(outcome.problem)),
				'status'
			);
		return { statusChanged: true };
	},
	note: async ({ locals, params, request }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(noteForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'note');
		const outcome = await membership.addNote(locals.db, user, params.id, parsed.data.body);
		if (!outcome.ok) return inSection(failWith(form, outcome.problem, undefined, 404), 'note');
		return { noteAdded: true };
	},
	anonymise: async ({ locals, params, request }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		if (form.get('confirm') !== 'on') return inSection(failWith(form, 'member_error_confirm_required', 'confirm'), 'anonymise');
		const outcome = await membership.anonymiseMember(locals.db, user, params.id);
		if (!outcome.ok) return inSection(failWith(form, outcome.problem, undefined, statusCode(outcome.problem)), 'anonymise');
		return { anonymised: true };
	}
};
