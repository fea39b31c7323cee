import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as sessions from '$lib/server/club-sessions';
import { failWith } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { user } = auth.requireUser(locals, url);
	const session = await sessions.getSession(locals.db, params.id);
	if (!session) error(404, 'session_not_found');
	const now = new Date();
	const [answers, staff] = await Promise.all([
		sessions.participationOf(locals.db, user.id, [session.id]),
		sessions.isSessionStaff(locals.db, user, session.id)
	]);
	const participation = answers[session.id] ?? null;
	const isMentor = user.roles.includes('mentor');
	const isCoordinator = user.roles.includes('coordinator');
	// Mentors and coordinators see who comes; students are shown to them by nickname and grade only.
	const roster = isMentor || isCoordinator ? await sessions.sessionRoster(locals.db, session.id) : null;
	const showLink = sessions.canSeeOnlineLink(user.roles, participation?.status ?? null);
	return {
		session: { ...sessions.withoutOnlineLink(session), onlineUrl: showLink ? session.onlineUrl : null },
		participation,
		roster,
		isStudent: user.roles.includes('student'),
		isMentor,
		isCoordinator,
		open: !session.cancelled && session.startsAt > now,
		today: await sessions.sessionPageExercises(locals.db, { userId: user.id, staff, participation }, session, now)
	};
};

const statusOf = (problem: sessions.SessionProblem) => (problem === 'session_error_not_found' ? 404 : 409);

export const actions: Actions = {
	rsvp: async ({ locals, params }) => {
		const { user } = auth.requireRole(locals, 'student');
		const result = await sessions.rsvp(locals.db, params.id, user.id);
		if (!result.ok) return failWith(new FormData(), result.problem, undefined, statusOf(result.problem));
		return { answered: result.status };
	},
	cancel: async ({ locals, params }) => {
		const { user } = auth.requireRole(locals, 'student');
		const outcome = await sessions.cancelRsvp(locals.db, params.id, user.id, { origin: locals.config.origin });
		if (!outcome.ok) return failWith(new FormData(), outcome.problem, undefined, statusOf(outcome.problem));
		return { cancelled: true };
	},
	signUp: async ({ locals, params }) => {
		const { user } = auth.requireRole(locals, 'mentor');
		const outcome = await sessions.signUpMentor(locals.db, params.id, user.id);
		if (!outcome.ok) return failWith(new FormData(), outcome.problem, undefined, statusOf(outcome.problem));
		return { signedUp: true };
	},
	withdraw: async ({ locals, params }) => {
		const { user } = auth.requireRole(locals, 'mentor');
		const outcome = await sessions.cancelMentorSignUp(locals.db, params.id, user.id);
		if (!outcome.ok) return failWith(new FormData(), outcome.problem, undefined, statusOf(outcome.problem));
		return { withdrawn: true };
	}
};
