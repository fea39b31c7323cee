import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as mentoring from '$lib/server/mentoring';
import { failWith, parseForm } from '$lib/server/forms';
import { mentorApplicationForm } from '$lib/validation/mentoring';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const vocabulary = {
		partners: await mentoring.partnerChoices(locals.db),
		affiliations: mentoring.affiliations,
		languages: Object.entries(mentoring.mentorLanguages).map(([id, name]) => ({ id, name })),
		topics: mentoring.mentorTopics,
		availability: mentoring.availabilityOptions,
		codeOfConductVersion: mentoring.codeOfConductVersion
	};
	const user = locals.user;
	if (!user) return { ...vocabulary, signedIn: false as const };
	const [application, deactivated] = await Promise.all([
		mentoring.latestMentorApplication(locals.db, user.id),
		mentoring.isDeactivatedMentor(locals.db, user.id)
	]);
	// An application under review has its own page: where it stands and what happens next.
	if (application?.status === 'awaiting_review') redirect(303, '/mentors/application');
	return {
		...vocabulary,
		signedIn: true as const,
		emailVerified: user.emailVerified,
		isMentor: user.roles.includes('mentor'),
		deactivated,
		application,
		registered: url.searchParams.has('registered'),
		again: url.searchParams.has('again')
	};
};

export const actions: Actions = {
	apply: async ({ request, locals }) => {
		const { user } = auth.requireUser(locals);
		const form = await request.formData();
		const parsed = parseForm(mentorApplicationForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await mentoring.submitMentorApplication(locals.db, user, parsed.data);
		if (!outcome.ok) return failWith(form, outcome.problem, outcome.problem === 'mentor_error_organisation_unknown' ? 'organisation' : undefined);
		redirect(303, '/mentors/application?submitted');
	}
};
