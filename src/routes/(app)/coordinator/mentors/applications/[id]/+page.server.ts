import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as mentoring from '$lib/server/mentoring';
import { failWith, parseForm } from '$lib/server/forms';
import { mentorRejectionForm } from '$lib/validation/mentoring';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { user } = auth.requireRole(locals, 'coordinator', url);
	const application = await mentoring.viewMentorApplication(locals.db, user, params.id);
	if (!application) error(404, 'application_not_found');
	return { application, languageNames: mentoring.mentorLanguages as Record<string, string> };
};

const statusOf = (problem: mentoring.MentorReviewProblem) => (problem === 'mentor_error_application_not_found' ? 404 : 409);

export const actions: Actions = {
	approve: async ({ locals, params }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const outcome = await mentoring.approveMentorApplication(locals.db, user, params.id, locals.config.origin);
		if (!outcome.ok) return failWith(new FormData(), outcome.problem, undefined, statusOf(outcome.problem));
		return { approved: true };
	},
	reject: async ({ request, locals, params }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(mentorRejectionForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await mentoring.rejectMentorApplication(locals.db, user, params.id, parsed.data.reason);
		if (!outcome.ok) return failWith(form, outcome.problem, undefined, statusOf(outcome.problem));
		return { rejected: true };
	}
};
