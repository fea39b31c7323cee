import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as groups from '$lib/server/groups';
import * as mentoring from '$lib/server/mentoring';
import { qrSvg } from '$lib/server/documents';
import { failWith, inSection, parseForm } from '$lib/server/forms';
import { translate } from '$lib/server/i18n';
import { addStudentForm, assignMentorForm, groupForm, issueCodeForm, personForm } from '$lib/validation/groups';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const group = await groups.findGroup(locals.db, params.id);
	if (!group) error(404, 'not_found');
	const [members, mentors, allMentors, code] = await Promise.all([
		groups.memberPage(locals.db, group.id, Number(url.searchParams.get('page') ?? 1)),
		groups.listGroupMentors(locals.db, group.id),
		mentoring.listMentors(locals.db),
		groups.joinCodeStatus(locals.db, group.id)
	]);
	const assigned = new Set(mentors.map((mentor) => mentor.userId));
	return {
		group,
		members,
		mentors,
		mentorOptions: allMentors.filter((mentor) => mentor.active && !assigned.has(mentor.userId)).map(({ userId, displayName }) => ({ userId, displayName })),
		code,
		lifetimes: groups.codeLifetimes,
		notice: ['created', 'saved'].find((key) => url.searchParams.has(key)) ?? null
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(groupForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'settings');
		const saved = await groups.updateGroup(locals.db, params.id, parsed.data);
		if (!saved.ok) return inSection(failWith(form, saved.problem), 'settings');
		redirect(303, `/coordinator/groups/${params.id}?saved`);
	},
	archive: async ({ locals, params }) => {
		auth.requireRole(locals, 'coordinator');
		const archived = await groups.setArchived(locals.db, params.id, true);
		if (!archived.ok) error(404, 'not_found');
		return { section: 'settings', done: translate('groups_saved') };
	},
	restore: async ({ locals, params }) => {
		auth.requireRole(locals, 'coordinator');
		const restored = await groups.setArchived(locals.db, params.id, false);
		if (!restored.ok) error(404, 'not_found');
		return { section: 'settings', done: translate('groups_saved') };
	},
	issueCode: async ({ request, locals, params }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(issueCodeForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'code');
		const issued = await groups.issueJoinCode(locals.db, user, params.id, parsed.data.days);
		if (!issued.ok) return inSection(failWith(form, issued.problem), 'code');
		const joinUrl = `${locals.config.origin}/groups/join?code=${issued.code}`;
		return { section: 'code', issued: { code: issued.code, expiresAt: issued.expiresAt, joinUrl, qr: qrSvg(joinUrl, translate('groups_code_qr_label')) } };
	},
	revokeCode: async ({ locals, params }) => {
		auth.requireRole(locals, 'coordinator');
		await groups.revokeJoinCodes(locals.db, params.id);
		return { section: 'code', done: translate('groups_code_revoked') };
	},
	addStudent: async ({ request, locals, params }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(addStudentForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'members');
		const added = await groups.addStudent(locals.db, user, params.id, parsed.data.who);
		if (!added.ok) return inSection(failWith(form, added.problem, 'who'), 'members');
		return { section: 'members', done: translate('groups_student_added') };
	},
	removeStudent: async ({ request, locals, params }) => {
		auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(personForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'members');
		const removed = await groups.removeStudent(locals.db, params.id, parsed.data.userId);
		if (!removed.ok) return inSection(failWith(form, removed.problem), 'members');
		return { section: 'members', done: translate('groups_student_removed') };
	},
	assignMentor: async ({ request, locals, params }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(assignMentorForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'mentors');
		const assigned = await groups.assignMentor(locals.db, user, params.id, parsed.data.mentorId);
		if (!assigned.ok) return inSection(failWith(form, assigned.problem, 'mentorId'), 'mentors');
		return { section: 'mentors', done: translate('groups_mentor_assigned') };
	},
	removeMentor: async ({ request, locals, params }) => {
		auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(personForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'mentors');
		const removed = await groups.unassignMentor(locals.db, params.id, parsed.data.userId);
		if (!removed.ok) return inSection(failWith(form, removed.problem), 'mentors');
		return { section: 'mentors', done: translate('groups_mentor_removed') };
	}
};
