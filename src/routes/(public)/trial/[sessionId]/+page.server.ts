import { error } from '@sveltejs/kit';
import * as membership from '$lib/server/membership';
import * as trials from '$lib/server/trials';
import { failWith, parseForm } from '$lib/server/forms';
import { bookingForm } from '$lib/validation/trials';
import type { Actions, PageServerLoad } from './$types';

/** Booking a trial seat without an account. */
export const load: PageServerLoad = async ({ locals, params, cookies }) => {
	const session = await trials.getTrialSession(locals.db, params.sessionId);
	if (!session || session.cancelled) error(404, 'trials_error_not_found');
	const refCode = await trials.findActiveCode(locals.db, trials.readVisitCookie(cookies.get(trials.visitCookieName))?.code);
	return {
		session: { ...session, open: session.startsAt > new Date() },
		schools: membership.schools.map(({ code, name, kind }) => ({ code, name, kind })),
		// A flyer's or a school's code says how they heard of the club; they may still choose otherwise.
		suggestedChannel: refCode?.channel ?? null
	};
};

const statusOf = (problem: trials.BookingProblem) =>
	problem === 'trials_error_too_many_mails' ? 429 : problem === 'trials_error_not_found' ? 404 : problem === 'trials_error_closed' ? 409 : 400;

export const actions: Actions = {
	default: async ({ request, locals, params, cookies, getClientAddress }) => {
		const form = await request.formData();
		const parsed = parseForm(bookingForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await trials.bookTrial(
			locals.db,
			{
				...parsed.data,
				sessionId: params.sessionId,
				refCode: trials.readVisitCookie(cookies.get(trials.visitCookieName))?.code ?? null,
				locale: locals.locale
			},
			{ origin: locals.config.origin, ip: getClientAddress() }
		);
		if (!outcome.ok) return failWith(form, outcome.problem, undefined, statusOf(outcome.problem));
		return { booked: outcome.status, guardianEmail: parsed.data.guardianEmail };
	}
};
