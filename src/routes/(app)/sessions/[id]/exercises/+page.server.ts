import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as sessions from '$lib/server/club-sessions';
import { topics } from '$lib/server/exercises';
import { failWith, parseForm } from '$lib/server/forms';
import { sessionExerciseForm, sessionExerciseMoveForm } from '$lib/validation/club-sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { user } = auth.requireUser(locals, url);
	const session = await sessions.getSession(locals.db, params.id);
	if (!session) error(404, 'session_not_found');
	if (!(await sessions.isSessionStaff(locals.db, user, session.id))) error(403, 'forbidden');
	const [chosen, addable] = await Promise.all([sessions.listSessionExercises(locals.db, session.id), sessions.addableExercises(locals.db, session.id)]);
	return {
		session: sessions.withoutOnlineLink(session),
		editable: !session.cancelled && session.endsAt > new Date(),
		chosen: chosen.map(({ slug, title, difficulty, published }) => ({ slug, title, difficulty, published })),
		addable: groupByTopic(addable),
		max: sessions.maxSessionExercises
	};
};

/** The exercises to add, grouped by their first topic in the curriculum's order; those of no known topic last. */
function groupByTopic(addable: Awaited<ReturnType<typeof sessions.addableExercises>>) {
	const known = new Set<string>(topics.map((topic) => topic.id));
	const topicOf = (exercise: { topics: string[] }) => (exercise.topics[0] && known.has(exercise.topics[0]) ? exercise.topics[0] : null);
	return [...topics, { id: null, title: null }]
		.map((topic) => ({
			title: topic.title,
			exercises: addable.filter((exercise) => topicOf(exercise) === topic.id).map(({ slug, title, difficulty }) => ({ slug, title, difficulty }))
		}))
		.filter((group) => group.exercises.length > 0);
}

/** Someone not on the session's staff (a forged post) gets a plain 403, like every other role guard; the rest is shown. */
function refused(form: FormData, problem: sessions.SessionExercisesProblem) {
	if (problem === 'today_error_forbidden') error(403, 'forbidden');
	if (problem === 'session_error_not_found') error(404, 'session_not_found');
	return failWith(form, problem, undefined, problem === 'today_error_unknown_exercise' ? 400 : 409);
}

export const actions: Actions = {
	add: async ({ request, locals, params }) => {
		const { user } = auth.requireUser(locals);
		const form = await request.formData();
		const parsed = parseForm(sessionExerciseForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await sessions.addSessionExercise(locals.db, user, params.id, parsed.data.exercise);
		if (!outcome.ok) return refused(form, outcome.problem);
		return { added: true };
	},
	remove: async ({ request, locals, params }) => {
		const { user } = auth.requireUser(locals);
		const form = await request.formData();
		const parsed = parseForm(sessionExerciseForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await sessions.removeSessionExercise(locals.db, user, params.id, parsed.data.exercise);
		if (!outcome.ok) return refused(form, outcome.problem);
		return { removed: true };
	},
	move: async ({ request, locals, params }) => {
		const { user } = auth.requireUser(locals);
		const form = await request.formData();
		const parsed = parseForm(sessionExerciseMoveForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await sessions.moveSessionExercise(locals.db, user, params.id, parsed.data.exercise, parsed.data.direction);
		if (!outcome.ok) return refused(form, outcome.problem);
		return { moved: true };
	}
};
