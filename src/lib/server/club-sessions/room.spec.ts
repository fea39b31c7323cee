// The mentors' room view: each present student's state per exercise, the stuck rule, open calls for help, and nothing
// of it for a mentor who is not at the session or for a student; students by nickname and grade only.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { exercises } from '../db/schema';
import { recordSubmission } from '../exercises/testing';
import type { ExerciseProgressRow } from './session-exercises';
import { requestReview, closeRequest } from '../reviews';
import { createStudentMember } from '../reviews/testing';
import { createUser } from '../testing/factories';
import { recordAttendance } from './attendance';
import { rsvp, signUpMentor } from './participation';
import { isStuck, sessionRoom, stuckRule } from './room';
import { addSessionExercise } from './session-exercises';
import { clubSessionParticipants } from './schema';
import { createExercises, createTestSession, testOrigin } from './testing';
import { japanDateTime } from '../../japan-time';

// In the school year the test members' grades were given for, so that they read as given.
const startsAt = japanDateTime('2027-01-16', '13:00');
const endsAt = japanDateTime('2027-01-16', '16:00');
const before = japanDateTime('2027-01-09', '12:00');
const minute = 60_000;
const at = (minutes: number) => new Date(startsAt.getTime() + minutes * minute);

describe('the stuck rule', () => {
	const failed = (overrides: Partial<ExerciseProgressRow> = {}): ExerciseProgressRow => ({
		submissions: 1,
		submits: 1,
		solvedAt: null,
		lastVerdict: 'WA',
		lastSubmittedAt: at(30),
		...overrides
	});

	it(`is ${stuckRule.failedSubmits} failed submits, or ${stuckRule.quietMinutes} minutes without a new submit after a failure`, () => {
		expect(isStuck(failed(), startsAt, at(31))).toBe(false);
		expect(isStuck(failed(), startsAt, at(30 + stuckRule.quietMinutes - 1))).toBe(false);
		expect(isStuck(failed(), startsAt, at(30 + stuckRule.quietMinutes))).toBe(true);
		expect(isStuck(failed({ submits: stuckRule.failedSubmits - 1, submissions: 5 }), startsAt, at(31))).toBe(false);
		expect(isStuck(failed({ submits: stuckRule.failedSubmits }), startsAt, at(31))).toBe(true);
		expect(isStuck(failed({ lastVerdict: 'RE', submits: 4 }), startsAt, at(31))).toBe(true);
	});

	it('is never a solved exercise, a submit being judged, the judge’s own error, or failures from before the session', () => {
		expect(isStuck(failed({ submits: 5, solvedAt: at(10), lastVerdict: 'WA' }), startsAt, at(60))).toBe(false);
		expect(isStuck(failed({ submits: 5, lastVerdict: null }), startsAt, at(60))).toBe(false);
		expect(isStuck(failed({ submits: 5, lastVerdict: 'IE' }), startsAt, at(60))).toBe(false);
		expect(isStuck(failed({ submits: 5, lastSubmittedAt: new Date(startsAt.getTime() - 7 * 24 * 60 * minute) }), startsAt, at(60))).toBe(false);
		expect(isStuck(failed({ submits: 5, lastSubmittedAt: at(-stuckRule.earlyMinutes) }), startsAt, at(0))).toBe(true);
		expect(isStuck(undefined, startsAt, at(60))).toBe(false);
		expect(isStuck(failed({ submissions: 3, submits: 0, lastVerdict: null, lastSubmittedAt: null }), startsAt, at(60))).toBe(false);
	});
});

describeEachDatabase('the mentors’ room view', (connection) => {
	const db = () => connection().db;
	let slugs: string[];
	let ids: Record<string, string>;
	beforeAll(async () => {
		slugs = await createExercises(db(), 3);
		const rows = await db().select({ id: exercises.id, slug: exercises.slug }).from(exercises);
		ids = Object.fromEntries(rows.map((row) => [row.slug, row.id]));
	});

	async function roomSetting() {
		const sessionId = await createTestSession(db(), { startsAt, endsAt, capacity: 3 }, before);
		const coordinator = { id: (await createUser(db(), { roles: ['coordinator'] })).id, roles: ['coordinator'] };
		for (const slug of slugs) await addSessionExercise(db(), coordinator, sessionId, slug, before);
		const mentor = await createUser(db(), { roles: ['mentor'] });
		await signUpMentor(db(), sessionId, mentor.id, before);
		return { sessionId, coordinator, mentor: { id: mentor.id, roles: ['mentor'] } };
	}

	it('shows each student with a seat by nickname and grade, their state per exercise, who seems stuck and who asked for help', async () => {
		const { sessionId, coordinator, mentor } = await roomSetting();
		const hana = await createStudentMember(db(), 'はな');
		const ken = await createStudentMember(db(), 'けん');
		const sora = await createStudentMember(db(), 'そら');
		const waiting = await createStudentMember(db(), 'まち');
		for (const student of [hana, ken, sora, waiting]) await rsvp(db(), sessionId, student.id, before);
		const [hanaRow] = await db()
			.select({ id: clubSessionParticipants.id })
			.from(clubSessionParticipants)
			.where(and(eq(clubSessionParticipants.sessionId, sessionId), eq(clubSessionParticipants.userId, hana.id)));
		await recordAttendance(db(), { ...coordinator, displayName: '事務局' }, sessionId, [hanaRow!.id], startsAt);

		const [first, second, third] = slugs as [string, string, string];
		// はな: solved the first after a WA, three failed submits on the second (stuck), nothing on the third.
		await recordSubmission(db(), { userId: hana.id, exerciseId: ids[first]!, verdict: 'WA', createdAt: at(5) });
		await recordSubmission(db(), { userId: hana.id, exerciseId: ids[first]!, verdict: 'AC', createdAt: at(10) });
		for (const [index, verdict] of (['WA', 'RE', 'WA'] as const).entries()) {
			await recordSubmission(db(), { userId: hana.id, exerciseId: ids[second]!, verdict, createdAt: at(20 + index) });
		}
		// けん: one failed submit of the first, 20 minutes ago (stuck), and a run of the third; he asked for help.
		const kenSubmission = await recordSubmission(db(), { userId: ken.id, exerciseId: ids[first]!, verdict: 'WA', createdAt: at(25) });
		await recordSubmission(db(), { userId: ken.id, exerciseId: ids[third]!, mode: 'run', verdict: 'RE', createdAt: at(26) });
		const asked = await requestReview(
			db(),
			ken.id,
			{ submissionId: kenSubmission, kind: 'help', question: 'どこが違うのかわかりません' },
			{ origin: testOrigin }
		);
		if (!asked.ok) throw new Error(asked.problem);
		// そら failed the first 5 minutes ago (not stuck yet), asked for help and closed it again: nothing open.
		const soraSubmission = await recordSubmission(db(), { userId: sora.id, exerciseId: ids[first]!, verdict: 'WA', createdAt: at(40) });
		const closed = await requestReview(db(), sora.id, { submissionId: soraSubmission, kind: 'help', question: '?' }, { origin: testOrigin });
		if (!closed.ok) throw new Error(closed.problem);
		await closeRequest(db(), sora.id, closed.id);

		const now = at(45);
		const result = await sessionRoom(db(), mentor, sessionId, now);
		if (!result.ok) throw new Error(result.problem);
		const { room } = result;
		expect(room.exercises.map((exercise) => exercise.slug)).toEqual(slugs);
		// The checked-in student first, then by nickname; the waitlisted student is not in the room.
		expect(room.students.map(({ nickname, grade, checkedIn, stuck }) => ({ nickname, grade, checkedIn, stuck }))).toEqual([
			{ nickname: 'はな', grade: 'jh2', checkedIn: true, stuck: true },
			{ nickname: 'けん', grade: 'jh2', checkedIn: false, stuck: true },
			{ nickname: 'そら', grade: 'jh2', checkedIn: false, stuck: false }
		]);
		const cells = (nickname: string) =>
			room.students
				.find((student) => student.nickname === nickname)!
				.cells.map(({ state, lastVerdict, submits, stuck }) => [state, lastVerdict, submits, stuck]);
		expect(cells('はな')).toEqual([
			['solved', 'AC', 2, false],
			['attempted', 'WA', 3, true],
			['new', null, 0, false]
		]);
		expect(cells('けん')).toEqual([
			['attempted', 'WA', 1, true],
			['new', null, 0, false],
			['attempted', null, 0, false]
		]);
		const kenHelp = room.students.find((student) => student.nickname === 'けん')!.help;
		expect(kenHelp).toEqual([
			{ id: asked.id, exercise: { slug: first, title: { ja: '問題 1', en: 'Exercise 1' } }, status: 'waiting', waitingSince: expect.any(String) }
		]);
		expect(room.students.find((student) => student.nickname === 'そら')!.help).toEqual([]);

		// Nickname and grade only: nothing else about the students travels to the mentor.
		const sent = JSON.stringify(room);
		for (const student of [hana, ken, sora, waiting]) {
			for (const secret of [student.fullName, student.email, student.id, student.displayName]) expect(sent).not.toContain(secret);
		}
		// The coordinators see the same room.
		expect(await sessionRoom(db(), coordinator, sessionId, now)).toEqual(result);
	});

	it('gives nothing to a mentor who is not at the session, to a student of the session, or for an unknown session', async () => {
		const { sessionId } = await roomSetting();
		const other = await roomSetting();
		const student = await createStudentMember(db(), 'ゆき');
		await rsvp(db(), sessionId, student.id, before);
		const outsiders = [
			other.mentor,
			{ id: (await createUser(db(), { roles: ['mentor'] })).id, roles: ['mentor'] },
			{ id: student.id, roles: ['student'] },
			// A forged role list does not make a student the session's mentor.
			{ id: student.id, roles: ['student', 'mentor'] }
		];
		for (const outsider of outsiders) expect(await sessionRoom(db(), outsider, sessionId, at(10))).toEqual({ ok: false, problem: 'today_error_forbidden' });
		expect(await sessionRoom(db(), other.coordinator, crypto.randomUUID(), at(10))).toEqual({ ok: false, problem: 'session_error_not_found' });
		expect(await sessionRoom(db(), other.coordinator, '../etc', at(10))).toEqual({ ok: false, problem: 'session_error_not_found' });
	});
});
