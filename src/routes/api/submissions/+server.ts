import { json } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as contests from '$lib/server/contests';
import * as reviews from '$lib/server/reviews';
import { acceptSubmission, submissionRequest } from '$lib/server/judge';
import { translate } from '$lib/server/i18n';
import type { RequestHandler } from './$types';

/**
 * Run or submit a program: 202 {id}; the verdict arrives at GET /api/submissions/{id} (and its event stream). A submit
 * that joins a review discussion as its next iteration also says so: {review: {requestId, iteration}}.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
	const { user } = auth.requireAnyRole(locals, ['student', 'mentor', 'coordinator']);
	const parsed = submissionRequest.safeParse(await request.json().catch(() => null));
	if (!parsed.success) return json({ error: 'judge_error_invalid', message: translate('judge_error_invalid') }, { status: 400 });
	// A contest's problem is judged for the people whose window is open; for anyone else it does not exist yet.
	const hold = await contests.exerciseHold(locals.db, parsed.data.exercise, user);
	if (hold.held && !hold.open) return json({ error: 'judge_error_exercise_not_found', message: translate('judge_error_exercise_not_found') }, { status: 404 });
	const result = await acceptSubmission(locals.db, user, parsed.data);
	if (!result.ok) return json({ error: result.problem, message: translate(result.problem) }, { status: result.status });
	const review =
		parsed.data.mode === 'submit' && user.roles.includes('student')
			? await reviews.followUpSubmission(locals.db, user.id, result.id, { origin: locals.config.origin })
			: null;
	return json({ id: result.id, ...(review ? { review } : {}) }, { status: 202 });
};
