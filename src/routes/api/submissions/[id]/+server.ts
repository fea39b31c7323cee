import { error, json } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import { viewSubmission } from '$lib/server/judge';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const { user } = auth.requireUser(locals);
	const submission = await viewSubmission(locals.db, params.id, user);
	// Someone else's submission is answered exactly like a missing one.
	if (!submission) error(404, 'not found');
	return json(submission, { headers: { 'cache-control': 'no-store' } });
};
