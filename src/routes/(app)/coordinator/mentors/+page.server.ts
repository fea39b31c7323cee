import * as auth from '$lib/server/auth';
import * as mentoring from '$lib/server/mentoring';
import { deactivateMentor } from '$lib/server/mentor-deactivation';
import { failWith, parseForm } from '$lib/server/forms';
import { mentorDeactivationForm } from '$lib/validation/mentoring';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const [applications, mentors] = await Promise.all([mentoring.listMentorApplications(locals.db), mentoring.listMentors(locals.db)]);
	return { applications, mentors };
};

export const actions: Actions = {
	deactivate: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(mentorDeactivationForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await deactivateMentor(locals.db, user, parsed.data.userId, parsed.data.reason);
		if (!outcome.ok) return failWith(form, outcome.problem, undefined, 404);
		return { deactivated: true };
	},
	reactivate: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(mentorDeactivationForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await mentoring.reactivateMentor(locals.db, user, parsed.data.userId);
		if (!outcome.ok) return failWith(form, outcome.problem, undefined, 404);
		return { reactivated: true };
	}
};
