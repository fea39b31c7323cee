import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as trials from '$lib/server/trials';
import { cameBookingIds } from '$lib/validation/trials';
import type { Actions, PageServerLoad } from './$types';

/** A trial session's bookings (personal data: the view is audited) and the list to tick who came. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { user } = auth.requireRole(locals, 'coordinator', url);
	const session = await trials.getTrialSession(locals.db, params.id);
	if (!session) error(404, 'trials_error_not_found');
	const bookings = await trials.sessionBookings(locals.db, user, session.id);
	return { session: { ...session, started: session.startsAt <= new Date() }, bookings };
};

export const actions: Actions = {
	attendance: async ({ request, locals, params }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const session = await trials.getTrialSession(locals.db, params.id);
		if (!session) error(404, 'trials_error_not_found');
		const marked = await trials.markTrialAttendance(locals.db, user, session.id, cameBookingIds(await request.formData()));
		return { marked };
	}
};
