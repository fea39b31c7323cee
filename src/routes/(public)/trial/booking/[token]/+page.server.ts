import * as trials from '$lib/server/trials';
import { failWith } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** The booking's mailed link: its state, cancelling, and after the trial the way to apply. The link is the key. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const booking = await trials.findBooking(locals.db, params.token);
	const now = new Date();
	return {
		token: params.token,
		booking: booking && { ...booking, started: booking.session.startsAt <= now, ended: booking.session.endsAt <= now }
	};
};

export const actions: Actions = {
	cancel: async ({ locals, params }) => {
		const outcome = await trials.cancelBooking(locals.db, params.token, { origin: locals.config.origin });
		if (!outcome.ok) return failWith(new FormData(), outcome.problem, undefined, outcome.problem === 'trials_error_link_invalid' ? 404 : 409);
		return { cancelled: true };
	}
};
