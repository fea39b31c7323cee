import * as auth from '$lib/server/auth';
import * as reviews from '$lib/server/reviews';
import { parseForm } from '$lib/server/forms';
import { highlightDaysForm } from '$lib/validation/reviews';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const [backlog, byMentor, savedComments] = await Promise.all([
		reviews.reviewBacklog(locals.db, locals.locale),
		reviews.reviewsByMentor(locals.db),
		reviews.savedCommentTotals(locals.db)
	]);
	return { backlog, byMentor, byOrganisation: reviews.reviewsByOrganisation(byMentor), savedComments };
};

export const actions: Actions = {
	highlight: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const parsed = parseForm(highlightDaysForm, await request.formData());
		if (!parsed.ok) return parsed.failure;
		await reviews.setHighlightDays(locals.db, user, parsed.data.highlightAfterDays);
		return { highlightSaved: true };
	}
};
