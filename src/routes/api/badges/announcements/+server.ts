import { json } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as badges from '$lib/server/badges';
import type { RequestHandler } from './$types';

/**
 * The badges the signed-in student earned and has not been told about, each told once: the exercise page asks after
 * a correct answer and shows them in its celebration. A POST, since it records that they were shown.
 */
export const POST: RequestHandler = async ({ locals }) => {
	const { user } = auth.requireRole(locals, 'student');
	const announced = await badges.announceNewBadges(locals.db, user.id);
	return json({ badges: announced.map(({ id, kind, topic }) => ({ id, kind, topic })) });
};
