import * as auth from '$lib/server/auth';
import * as groups from '$lib/server/groups';
import { failWith, parseForm } from '$lib/server/forms';
import { translate } from '$lib/server/i18n';
import { groupChoiceForm } from '$lib/validation/groups';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireAnyRole(locals, ['student', 'mentor', 'coordinator'], url);
	const has = (role: 'student' | 'mentor' | 'coordinator') => user.roles.includes(role);
	const [mine, mentoring, all] = await Promise.all([
		has('student') ? groups.groupsOfStudent(locals.db, user.id) : null,
		has('mentor') ? groups.groupsOfMentor(locals.db, user.id) : null,
		has('coordinator') ? groups.listAllGroups(locals.db) : null
	]);
	const joinedId = url.searchParams.get('joined');
	const joined = joinedId ? (mine?.find((group) => group.id === joinedId) ?? null) : null;
	return { mine, mentoring, all, joined: joined ? { name: joined.name, already: url.searchParams.has('already') } : null };
};

export const actions: Actions = {
	leave: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'student');
		const form = await request.formData();
		const parsed = parseForm(groupChoiceForm, form);
		if (!parsed.ok) return parsed.failure;
		const left = await groups.leaveGroup(locals.db, user.id, parsed.data.groupId);
		if (!left.ok) return failWith(form, left.problem);
		return { done: translate('groups_left') };
	}
};
