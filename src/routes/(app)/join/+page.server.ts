import * as auth from '$lib/server/auth';
import * as membership from '$lib/server/membership';
import * as trials from '$lib/server/trials';
import { failWith, parseForm } from '$lib/server/forms';
import { applicationForm } from '$lib/validation/membership';
import type { Cookies } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** The trial booking whose invitation link brought the person here (trial/booking/[token]/apply), if any. */
async function trialBooking(locals: App.Locals, cookies: Cookies) {
	const token = cookies.get(trials.applyCookieName);
	return token ? trials.bookingForApplication(locals.db, token) : null;
}

export const load: PageServerLoad = async ({ locals, url, cookies }) => {
	const { user } = auth.requireUser(locals, url);
	const [member, application, booking] = await Promise.all([
		membership.findMemberByUser(locals.db, user.id),
		membership.latestApplication(locals.db, user.id),
		trialBooking(locals, cookies)
	]);
	return {
		emailVerified: user.emailVerified,
		again: url.searchParams.has('again'),
		registered: url.searchParams.has('registered'),
		memberNumber: member && !member.anonymisedAt ? member.memberNumber : null,
		application,
		schools: membership.schools.map(({ code, name, kind }) => ({ code, name, kind })),
		// What the trial booking already told us, so nothing is typed twice.
		prefill: booking
			? {
					nickname: booking.nickname,
					grade: booking.grade,
					school: booking.schoolCode ?? '',
					schoolOther: booking.schoolOther ?? '',
					guardianEmail: booking.guardianEmail,
					channel: booking.channel ?? ''
				}
			: null
	};
};

export const actions: Actions = {
	apply: async ({ request, locals, cookies }) => {
		const { user } = auth.requireUser(locals);
		const form = await request.formData();
		const parsed = parseForm(applicationForm, form);
		if (!parsed.ok) return parsed.failure;
		const booking = await trialBooking(locals, cookies);
		const refCode = booking ? null : await trials.findActiveCode(locals.db, trials.readVisitCookie(cookies.get(trials.visitCookieName))?.code);
		const outcome = await membership.submitApplication(locals.db, user, parsed.data, locals.config.origin, new Date(), {
			refCodeId: booking?.refCodeId ?? refCode?.id ?? null,
			trialBookingId: booking?.id ?? null,
			channel: booking?.channel ?? refCode?.channel ?? null
		});
		if (!outcome.ok)
			return failWith(
				form,
				outcome.problem,
				outcome.problem === 'join_error_guardian_is_self' ? 'guardianEmail' : undefined,
				outcome.problem === 'join_error_too_many_mails' ? 429 : 400
			);
		if (booking) cookies.delete(trials.applyCookieName, { path: '/join' });
		return { submitted: true };
	},
	resend: async ({ locals }) => {
		const { user } = auth.requireUser(locals);
		const outcome = await membership.resendConsentRequest(locals.db, user.id, locals.config.origin);
		if (!outcome.ok) return failWith(new FormData(), outcome.problem, undefined, outcome.problem === 'join_error_too_many_mails' ? 429 : 400);
		return { resent: true };
	},
	cancel: async ({ locals }) => {
		const { user } = auth.requireUser(locals);
		await membership.cancelApplication(locals.db, user.id);
		return { cancelled: true };
	}
};
