// 今日の問題: who may choose a session's exercises (forged requests included), their order, and which students see
// them when (Japan days, with an injected clock), each with the student's own progress.
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { exercises } from '../db/schema';
import { recordSubmission } from '../exercises/testing';
import { createUser } from '../testing/factories';
import { recordAttendance } from './attendance';
import { cancelRsvp, participationOf, rsvp, signUpMentor, cancelMentorSignUp } from './participation';
import { cancelSession } from './sessions';
import {
	addSessionExercise,
	addableExercises,
	listSessionExercises,
	maxSessionExercises,
	moveSessionExercise,
	myExercisesIn,
	removeSessionExercise,
	studentSeesExercises,
	todaysExercisesOf
} from './session-exercises';
import { clubSessionParticipants } from './schema';
import { createExercises, createStudents, createTestSession, testOrigin } from './testing';
import { japanDateTime } from '../../japan-time';

// A Saturday session in Japan time; "before" is the week before, when people answer.
const startsAt = japanDateTime('2031-05-10', '13:00');
const endsAt = japanDateTime('2031-05-10', '16:00');
const before = japanDateTime('2031-05-03', '12:00');
const minute = 60_000;

describeEachDatabase('today’s exercises (今日の問題)', (connection) => {
	const db = () => connection().db;

	async function plannedSession() {
		const sessionId = await createTestSession(db(), { startsAt, endsAt, capacity: 1 }, before);
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		return { sessionId, coordinator: { id: coordinator.id, roles: ['coordinator'] } };
	}

	async function mentorAt(sessionId: string) {
		const mentor = await createUser(db(), { roles: ['mentor'] });
		expect(await signUpMentor(db(), sessionId, mentor.id, before)).toEqual({ ok: true });
		return { id: mentor.id, roles: ['mentor'] };
	}

	const slugsOf = async (sessionId: string) => (await listSessionExercises(db(), sessionId)).map((exercise) => exercise.slug);

	it('lets a coordinator and the mentors confirmed for the session choose, and nobody else (forged requests included)', async () => {
		const { sessionId, coordinator } = await plannedSession();
		const [first, second, third] = await createExercises(db(), 3);
		const mentor = await mentorAt(sessionId);
		expect(await addSessionExercise(db(), coordinator, sessionId, first!, before)).toEqual({ ok: true });
		expect(await addSessionExercise(db(), mentor, sessionId, second!, before)).toEqual({ ok: true });

		const otherSession = (await plannedSession()).sessionId;
		const mentorElsewhere = await mentorAt(otherSession);
		const mentorNowhere = { id: (await createUser(db(), { roles: ['mentor'] })).id, roles: ['mentor'] };
		const withdrawn = await mentorAt(sessionId);
		await cancelMentorSignUp(db(), sessionId, withdrawn.id, before);
		const [student] = await createStudents(db(), 1);
		await rsvp(db(), sessionId, student!.id, before);
		const seatedStudent = { id: student!.id, roles: ['student'] };
		// A mentor signed up who has since lost the mentor role (deactivated) is not staff either.
		const formerMentor = await mentorAt(sessionId);
		const deactivated = { id: formerMentor.id, roles: [] };
		// A student claiming the mentor role in a forged request is still checked against the session's sign-ups.
		const studentPosingAsMentor = { id: student!.id, roles: ['student', 'mentor'] };

		for (const outsider of [mentorElsewhere, mentorNowhere, withdrawn, seatedStudent, deactivated, studentPosingAsMentor]) {
			expect(await addSessionExercise(db(), outsider, sessionId, third!, before)).toEqual({ ok: false, problem: 'today_error_forbidden' });
			expect(await removeSessionExercise(db(), outsider, sessionId, first!, before)).toEqual({ ok: false, problem: 'today_error_forbidden' });
			expect(await moveSessionExercise(db(), outsider, sessionId, second!, 'up', before)).toEqual({ ok: false, problem: 'today_error_forbidden' });
		}
		expect(await slugsOf(sessionId)).toEqual([first, second]);
	});

	it('keeps the chosen order: added at the end, moved up and down, closing the gap on removal', async () => {
		const { sessionId, coordinator } = await plannedSession();
		const [a, b, c, d] = await createExercises(db(), 4);
		for (const slug of [a!, b!, c!, d!]) expect(await addSessionExercise(db(), coordinator, sessionId, slug, before)).toEqual({ ok: true });
		expect(await moveSessionExercise(db(), coordinator, sessionId, c!, 'up', before)).toEqual({ ok: true });
		expect(await slugsOf(sessionId)).toEqual([a, c, b, d]);
		expect(await moveSessionExercise(db(), coordinator, sessionId, a!, 'up', before)).toEqual({ ok: true });
		expect(await moveSessionExercise(db(), coordinator, sessionId, d!, 'down', before)).toEqual({ ok: true });
		expect(await slugsOf(sessionId)).toEqual([a, c, b, d]);
		expect(await removeSessionExercise(db(), coordinator, sessionId, c!, before)).toEqual({ ok: true });
		expect(await moveSessionExercise(db(), coordinator, sessionId, d!, 'up', before)).toEqual({ ok: true });
		expect(await slugsOf(sessionId)).toEqual([a, d, b]);
		// Adding again after a removal goes to the end, without a gap or a clash of positions.
		expect(await addSessionExercise(db(), coordinator, sessionId, c!, before)).toEqual({ ok: true });
		expect(await slugsOf(sessionId)).toEqual([a, d, b, c]);
		expect((await addableExercises(db(), sessionId)).map((exercise) => exercise.slug)).not.toContain(a);
	});

	it('refuses duplicates, unknown and unpublished exercises, more than the maximum, and changes after the end or a cancellation', async () => {
		const { sessionId, coordinator } = await plannedSession();
		const slugs = await createExercises(db(), maxSessionExercises + 1);
		const [hidden] = await createExercises(db(), 1, { published: false });
		expect(await addSessionExercise(db(), coordinator, sessionId, hidden!, before)).toEqual({ ok: false, problem: 'today_error_unknown_exercise' });
		expect(await addSessionExercise(db(), coordinator, sessionId, "x' or '1'='1", before)).toEqual({ ok: false, problem: 'today_error_unknown_exercise' });
		for (const slug of slugs.slice(0, maxSessionExercises)) await addSessionExercise(db(), coordinator, sessionId, slug, before);
		expect(await addSessionExercise(db(), coordinator, sessionId, slugs[0]!, before)).toEqual({ ok: false, problem: 'today_error_already_added' });
		expect(await addSessionExercise(db(), coordinator, sessionId, slugs.at(-1)!, before)).toEqual({ ok: false, problem: 'today_error_full' });
		expect(await removeSessionExercise(db(), coordinator, sessionId, slugs.at(-1)!, before)).toEqual({ ok: false, problem: 'today_error_not_added' });
		expect(await removeSessionExercise(db(), coordinator, crypto.randomUUID(), slugs[0]!, before)).toEqual({ ok: false, problem: 'session_error_not_found' });
		expect(await removeSessionExercise(db(), coordinator, 'not-a-uuid', slugs[0]!, before)).toEqual({ ok: false, problem: 'session_error_not_found' });

		// During the session it can still change; once it has ended it is the record of what was done.
		expect(await removeSessionExercise(db(), coordinator, sessionId, slugs[1]!, new Date(startsAt.getTime() + 30 * minute))).toEqual({ ok: true });
		expect(await removeSessionExercise(db(), coordinator, sessionId, slugs[0]!, endsAt)).toEqual({ ok: false, problem: 'today_error_ended' });

		const other = await plannedSession();
		await cancelSession(db(), other.sessionId, { origin: testOrigin, now: before });
		expect(await addSessionExercise(db(), other.coordinator, other.sessionId, slugs[0]!, before)).toEqual({ ok: false, problem: 'session_error_cancelled' });
	});

	it('shows 今日の問題 on the session’s Japan day to students with a seat or checked in, with their own progress on each', async () => {
		const { sessionId, coordinator } = await plannedSession();
		const [solved, tried, untouched] = await createExercises(db(), 3);
		for (const slug of [solved!, tried!, untouched!]) await addSessionExercise(db(), coordinator, sessionId, slug, before);
		const [seated, waiting, walkIn, cancelled, stranger] = await createStudents(db(), 5);
		await rsvp(db(), sessionId, seated!.id, before);
		await rsvp(db(), sessionId, waiting!.id, before);
		await rsvp(db(), sessionId, walkIn!.id, before);
		// The walk-in was on the waitlist but came and was checked in at the door.
		const [walkInRow] = await db()
			.select({ id: clubSessionParticipants.id })
			.from(clubSessionParticipants)
			.where(and(eq(clubSessionParticipants.sessionId, sessionId), eq(clubSessionParticipants.userId, walkIn!.id)));
		await recordAttendance(db(), { ...coordinator, displayName: '事務局' }, sessionId, [walkInRow!.id], startsAt);
		await rsvp(db(), sessionId, cancelled!.id, before);
		await cancelRsvp(db(), sessionId, cancelled!.id, { origin: testOrigin, now: before });

		const idOf = async (slug: string) => (await db().select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, slug)))[0]!.id;
		const during = new Date(startsAt.getTime() + 20 * minute);
		await recordSubmission(db(), { userId: seated!.id, exerciseId: await idOf(solved!), verdict: 'WA', createdAt: during });
		await recordSubmission(db(), { userId: seated!.id, exerciseId: await idOf(solved!), verdict: 'AC', createdAt: new Date(during.getTime() + minute) });
		await recordSubmission(db(), { userId: seated!.id, exerciseId: await idOf(tried!), verdict: 'TLE', createdAt: during });

		// 00:00 in Japan on the session's day is 15:00 UTC the day before.
		const midnight = japanDateTime('2031-05-10', '00:00');
		const lastMinuteBefore = new Date(midnight.getTime() - minute);
		const lateThatNight = japanDateTime('2031-05-10', '23:59');
		const nextDay = japanDateTime('2031-05-11', '00:00');
		expect(await todaysExercisesOf(db(), seated!.id, lastMinuteBefore)).toEqual([]);
		expect(await todaysExercisesOf(db(), seated!.id, nextDay)).toEqual([]);
		for (const now of [midnight, during, lateThatNight]) {
			const [today] = await todaysExercisesOf(db(), seated!.id, now);
			expect(today?.session).toMatchObject({ id: sessionId, title: '金沢IT部活 活動日' });
			expect(today?.exercises.map(({ slug, state, lastVerdict }) => ({ slug, state, lastVerdict }))).toEqual([
				{ slug: solved, state: 'solved', lastVerdict: 'AC' },
				{ slug: tried, state: 'attempted', lastVerdict: 'TLE' },
				{ slug: untouched, state: 'new', lastVerdict: null }
			]);
		}
		expect((await todaysExercisesOf(db(), walkIn!.id, during)).map((today) => today.session.id)).toEqual([sessionId]);
		for (const student of [waiting!, cancelled!, stranger!]) expect(await todaysExercisesOf(db(), student.id, during)).toEqual([]);

		// The session page: from the day on (also afterwards), for the same students only.
		const session = { startsAt, cancelled: false };
		const answer = async (userId: string) => (await participationOf(db(), userId, [sessionId]))[sessionId] ?? null;
		expect(studentSeesExercises(await answer(seated!.id), session, lastMinuteBefore)).toBe(false);
		expect(studentSeesExercises(await answer(seated!.id), session, midnight)).toBe(true);
		expect(studentSeesExercises(await answer(seated!.id), session, nextDay)).toBe(true);
		expect(studentSeesExercises(await answer(walkIn!.id), session, during)).toBe(true);
		expect(studentSeesExercises(await answer(waiting!.id), session, during)).toBe(false);
		expect(studentSeesExercises(await answer(stranger!.id), session, during)).toBe(false);
		expect(studentSeesExercises(await answer(seated!.id), { startsAt, cancelled: true }, during)).toBe(false);
		expect((await myExercisesIn(db(), sessionId, seated!.id)).map((exercise) => exercise.state)).toEqual(['solved', 'attempted', 'new']);
	});

	it('shows nothing for a cancelled session, a session without exercises, and hides exercises unpublished since', async () => {
		const { sessionId, coordinator } = await plannedSession();
		const empty = await plannedSession();
		const [kept, withdrawn] = await createExercises(db(), 2);
		await addSessionExercise(db(), coordinator, sessionId, kept!, before);
		await addSessionExercise(db(), coordinator, sessionId, withdrawn!, before);
		const [student] = await createStudents(db(), 1);
		await rsvp(db(), sessionId, student!.id, before);
		await rsvp(db(), empty.sessionId, student!.id, before);
		await db().update(exercises).set({ published: false }).where(eq(exercises.slug, withdrawn!));
		const during = new Date(startsAt.getTime() + minute);
		const today = await todaysExercisesOf(db(), student!.id, during);
		expect(today.map((entry) => [entry.session.id, entry.exercises.map((exercise) => exercise.slug)])).toEqual([[sessionId, [kept]]]);
		expect((await listSessionExercises(db(), sessionId)).map(({ slug, published }) => ({ slug, published }))).toEqual([
			{ slug: kept, published: true },
			{ slug: withdrawn, published: false }
		]);
		await cancelSession(db(), sessionId, { origin: testOrigin, now: before });
		expect(await todaysExercisesOf(db(), student!.id, during)).toEqual([]);
	});
});
