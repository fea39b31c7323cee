import * as auth from '$lib/server/auth';
import * as dashboard from '$lib/server/dashboard';
import * as membership from '$lib/server/membership';
import * as mentoring from '$lib/server/mentoring';
import * as reviews from '$lib/server/reviews';
import * as sessions from '$lib/server/sessions';
import { failWith, parseForm } from '$lib/server/forms';
import { targetForm } from '$lib/validation/membership';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const [report, applications, deletions, attendance, mentorsByOrganisation, mentorApplications, reviewBacklog] = await Promise.all([
		dashboard.buildReport(locals.db, new Date(), dashboard.pageReportOptions),
		membership.countApplicationsByStatus(locals.db),
		membership.listMembers(locals.db, { deletionRequested: true }, { limit: 1 }),
		sessions.attendanceSummary(locals.db),
		mentoring.mentorsByOrganisation(locals.db),
		mentoring.listMentorApplications(locals.db),
		reviews.reviewBacklog(locals.db, locals.locale)
	]);
	return {
		report,
		awaitingReview: applications.awaiting_review ?? 0,
		deletionRequests: deletions.total,
		attendance,
		mentorsByOrganisation,
		mentorApplications: mentorApplications.length,
		reviewBacklog
	};
};

export const actions: Actions = {
	target: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(targetForm, form);
		if (!parsed.ok) return parsed.failure;
		const problem = await dashboard.setTarget(locals.db, user, { count: parsed.data.targetCount, date: parsed.data.targetDate });
		if (problem) return failWith(form, problem, 'targetDate');
		return { targetSaved: true };
	}
};
