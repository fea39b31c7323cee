import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as sessions from '$lib/server/club-sessions';
import { failWith, inSection, parseForm } from '$lib/server/forms';
import { japanDateAndTime } from '$lib/japan-time';
import { sessionForm } from '$lib/validation/club-sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const session = await sessions.getSession(locals.db, params.id);
	if (!session) error(404, 'session_not_found');
	const start = japanDateAndTime(session.startsAt);
	return {
		session,
		values: {
			title: session.title,
			date: start.date,
			startTime: start.time,
			endTime: japanDateAndTime(session.endsAt).time,
			venue: session.venue ?? '',
			onlineUrl: session.onlineUrl ?? '',
			capacity: String(session.capacity),
			mentorsNeeded: String(session.mentorsNeeded),
			notes: session.notes ?? '',
			kind: session.kind,
			whatToBring: session.whatToBring ?? '',
			mapUrl: session.mapUrl ?? ''
		},
		created: url.searchParams.has('created'),
		ended: session.endsAt <= new Date()
	};
};

const statusOf = (problem: sessions.SessionProblem) => (problem === 'session_error_not_found' ? 404 : 409);

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(sessionForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'save');
		const outcome = await sessions.updateSession(locals.db, params.id, parsed.data, { origin: locals.config.origin });
		if (!outcome.ok) return inSection(failWith(form, outcome.problem, undefined, statusOf(outcome.problem)), 'save');
		return { saved: true };
	},
	cancel: async ({ locals, params }) => {
		auth.requireRole(locals, 'coordinator');
		const outcome = await sessions.cancelSession(locals.db, params.id, { origin: locals.config.origin });
		if (!outcome.ok) return inSection(failWith(new FormData(), outcome.problem, undefined, statusOf(outcome.problem)), 'cancel');
		return { cancelled: true };
	}
};
