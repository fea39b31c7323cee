// Badges: each rule awards at the moment its milestone is written (a verdict, a check-in, a review's outcome), once,
// also when verdicts are written at the same moment; the backfill gives what was earned before; and a student sees,
// and is told about, their own badges only.
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { selectRows, type Database } from '../db';
import { describeEachDatabase } from '../db/testing';
import { recordAttendance } from '../club-sessions/attendance';
import { rsvp } from '../club-sessions/participation';
import { clubSessionParticipants } from '../club-sessions/schema';
import { createTestSession, day } from '../club-sessions/testing';
import { importExercises, recordSubmission } from '../exercises/testing';
import { postReview } from '../reviews/comments';
import { claimReview } from '../reviews/queue';
import { requestReview } from '../reviews/requests';
import { createMentor, judgedSubmission, reviewExerciseId, testOrigin } from '../reviews/testing';
import { createUser } from '../testing/factories';
import { announceNewBadges, awardEarnedBadges, earnedBadges, earnedBadgesOfReviewStudent, studentBadges } from './awards';
import { seedDemoBadges } from './demo';
import { badgeAwards } from './schema';
import { awardsOf, createExercises, judged, pendingSubmit, solve } from './testing';

const createStudent = (db: Database) => createUser(db, { roles: ['student'] });

describeEachDatabase('badges', (connection, backend) => {
	const db = () => connection().db;

	it('awards 初めての正解 for the first accepted submit, at its time, and not for a wrong answer or a run', async () => {
		const student = await createStudent(db());
		const { ids } = await createExercises(db(), 2);
		await solve(db(), student.id, ids[0]!, { verdict: 'WA' });
		await recordSubmission(db(), { userId: student.id, exerciseId: ids[1]!, mode: 'run', verdict: 'AC' });
		expect([...(await awardsOf(db(), student.id)).keys()]).toEqual([]);

		const createdAt = new Date('2026-11-02T10:00:00Z');
		await recordSubmission(db(), { userId: student.id, exerciseId: ids[0]!, verdict: 'AC', createdAt });
		const awards = await awardsOf(db(), student.id);
		expect([...awards.keys()]).toEqual(['first_correct']);
		expect(awards.get('first_correct')).toEqual({ awardedAt: createdAt, announcedAt: null });

		// Solving it again, or another exercise, changes nothing about the first.
		await solve(db(), student.id, ids[0]!);
		await solve(db(), student.id, ids[1]!);
		expect((await awardsOf(db(), student.id)).get('first_correct')!.awardedAt).toEqual(createdAt);
	});

	it('awards 10問クリア at the 10th different exercise solved and 30問クリア at the 30th', async () => {
		const student = await createStudent(db());
		const { ids } = await createExercises(db(), 30);
		for (const id of ids.slice(0, 9)) await solve(db(), student.id, id);
		await solve(db(), student.id, ids[0]!);
		expect((await awardsOf(db(), student.id)).has('solved_10')).toBe(false);
		await solve(db(), student.id, ids[9]!);
		expect((await awardsOf(db(), student.id)).has('solved_10')).toBe(true);
		for (const id of ids.slice(10, 29)) await solve(db(), student.id, id);
		expect((await awardsOf(db(), student.id)).has('solved_30')).toBe(false);
		await solve(db(), student.id, ids[29]!);
		expect([...(await awardsOf(db(), student.id)).keys()].sort()).toEqual(expect.arrayContaining(['first_correct', 'solved_10', 'solved_30']));
	});

	it('awards a topic’s badge when every published exercise of that main topic is solved, counting no other topic', async () => {
		const student = await createStudent(db());
		const { topic, ids } = await createExercises(db(), 2);
		await createExercises(db(), 1, { topic, published: false });
		// An exercise that only mentions the topic second does not belong to it.
		const [other] = (await createExercises(db(), 1)).ids;
		await db().execute(sql`update exercises set topics = array['io', ${topic}] where id = ${other}`);

		await solve(db(), student.id, ids[0]!);
		expect((await awardsOf(db(), student.id)).has(`topic:${topic}`)).toBe(false);
		await solve(db(), student.id, ids[1]!);
		expect((await awardsOf(db(), student.id)).has(`topic:${topic}`)).toBe(true);
		// Another topic's exercises, solved one of two: no badge for that one.
		const second = await createExercises(db(), 2);
		await solve(db(), student.id, second.ids[0]!);
		expect((await awardsOf(db(), student.id)).has(`topic:${second.topic}`)).toBe(false);
	});

	it('awards DNCLマスター when every published DNCL exercise is accepted in DNCL, not in Python', async () => {
		const student = await createStudent(db());
		const { ids } = await createExercises(db(), 2, { languages: ['dncl', 'python'] });
		await createExercises(db(), 1, { languages: ['dncl', 'python'], published: false });
		await solve(db(), student.id, ids[0]!, { language: 'dncl' });
		await solve(db(), student.id, ids[1]!, { language: 'python' });
		expect((await awardsOf(db(), student.id)).has('dncl_all')).toBe(false);
		// Already solved in Python: the DNCL answer is what counts.
		await solve(db(), student.id, ids[1]!, { language: 'dncl' });
		expect((await awardsOf(db(), student.id)).has('dncl_all')).toBe(true);
	});

	it('awards 活動日に5回参加 at the fifth check-in, and keeps it when a check-in is taken back', async () => {
		const student = await createStudent(db());
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		const actor = { id: coordinator.id, displayName: coordinator.displayName };
		const now = new Date();
		const sessionIds: string[] = [];
		for (let index = 0; index < 5; index++) {
			const sessionId = await createTestSession(db(), { startsAt: new Date(now.getTime() + (index + 1) * day) }, now);
			expect(await rsvp(db(), sessionId, student.id, now)).toMatchObject({ ok: true });
			sessionIds.push(sessionId);
		}
		const participantOf = async (sessionId: string) =>
			(await db().select({ id: clubSessionParticipants.id }).from(clubSessionParticipants).where(eq(clubSessionParticipants.sessionId, sessionId)))[0]!.id;
		for (const [index, sessionId] of sessionIds.slice(0, 4).entries()) {
			await recordAttendance(db(), actor, sessionId, [await participantOf(sessionId)], new Date(now.getTime() + (index + 1) * day));
		}
		expect((await awardsOf(db(), student.id)).has('sessions_5')).toBe(false);
		const fifth = new Date(now.getTime() + 5 * day);
		await recordAttendance(db(), actor, sessionIds[4]!, [await participantOf(sessionIds[4]!)], fifth);
		expect((await awardsOf(db(), student.id)).get('sessions_5')?.awardedAt).toEqual(fifth);
		await recordAttendance(db(), actor, sessionIds[4]!, [], fifth);
		expect((await awardsOf(db(), student.id)).has('sessions_5')).toBe(true);
	});

	it('awards 初めてのレビュー合格 when a mentor passes a review, not when they ask for changes', async () => {
		const exerciseId = await reviewExerciseId(db());
		const mentor = await createMentor(db());
		async function reviewed(outcome: 'approved' | 'changes_requested', now: Date) {
			const student = await createStudent(db());
			const submissionId = await judgedSubmission(db(), student.id, exerciseId, { verdict: 'AC' });
			const asked = await requestReview(db(), student.id, { submissionId, kind: 'review', question: undefined }, { origin: testOrigin });
			if (!asked.ok) throw new Error(asked.problem);
			expect(await claimReview(db(), mentor.id, asked.id)).toEqual({ ok: true });
			expect(await postReview(db(), mentor.id, asked.id, { body: 'レビューしました', outcome }, { origin: testOrigin, now })).toEqual({ ok: true });
			return { awards: await awardsOf(db(), student.id), requestId: asked.id };
		}
		expect((await reviewed('changes_requested', new Date())).awards.has('first_review_passed')).toBe(false);
		const passedAt = new Date();
		const passed = await reviewed('approved', passedAt);
		expect(passed.awards.get('first_review_passed')?.awardedAt).toEqual(passedAt);
		// What the mentor's review page shows beside the student's nickname: that student's earned badges, nothing else.
		expect((await earnedBadgesOfReviewStudent(db(), passed.requestId)).map((badge) => badge.id).sort()).toEqual(['first_correct', 'first_review_passed']);
		expect(await earnedBadgesOfReviewStudent(db(), crypto.randomUUID())).toEqual([]);
	});

	it('awards a badge once, and never zero times, when verdicts are written at the same moment', async () => {
		const student = await createStudent(db());
		const { ids } = await createExercises(db(), 10);
		// Six verdicts at once over three exercises: one 初めての正解, no error (no deadlock between the writers).
		const first = await Promise.all([0, 1, 2, 0, 1, 2].map((index) => pendingSubmit(db(), student.id, ids[index]!)));
		await Promise.all(first.map((id) => db().transaction((tx) => judged(tx, id))));
		const rows = await selectRows<{ badge: string; count: number }>(
			db(),
			sql`select badge, count(*)::int as count from badge_awards where user_id = ${student.id} group by badge`
		);
		expect(rows).toEqual([{ badge: 'first_correct', count: 1 }]);

		// The 9th and 10th solves written at once: neither writer sees the other's uncommitted solve, so the second must
		// wait for the first and count both. Sent on different days, so that no other row (the day's submit count) makes
		// the writers wait for each other.
		for (const id of ids.slice(3, 8)) await solve(db(), student.id, id);
		const [ninth, tenth] = await Promise.all([
			pendingSubmit(db(), student.id, ids[8]!, { createdAt: new Date(Date.now() - 3 * day) }),
			pendingSubmit(db(), student.id, ids[9]!, { createdAt: new Date(Date.now() - 2 * day) })
		]);
		if (backend === 'postgres') {
			let release!: () => void;
			const held = new Promise<void>((resolve) => (release = resolve));
			let written!: () => void;
			const ninthWritten = new Promise<void>((resolve) => (written = resolve));
			const holder = db().transaction(async (tx) => {
				await judged(tx, ninth);
				written();
				await held;
			});
			await ninthWritten;
			let tenthDone = false;
			const other = db()
				.transaction((tx) => judged(tx, tenth))
				.then(() => (tenthDone = true));
			// Until the second writer is either finished or waiting for the first (on a lock): then the first commits.
			while (!tenthDone && !(await waitingForLock(db()))) await new Promise((resolve) => setTimeout(resolve, 10));
			release();
			await Promise.all([holder, other]);
		} else {
			// PGlite has one connection: its transactions run one after the other.
			await Promise.all([ninth, tenth].map((id) => db().transaction((tx) => judged(tx, id))));
		}
		expect((await awardsOf(db(), student.id)).has('solved_10')).toBe(true);
	});

	it('backfills what was earned before badges existed, with the milestones’ times, and running it again changes nothing', async () => {
		const student = await createStudent(db());
		const { topic, ids } = await createExercises(db(), 2);
		const times = [new Date('2026-10-01T09:00:00Z'), new Date('2026-10-05T09:00:00Z')];
		for (const [index, id] of ids.entries()) await recordSubmission(db(), { userId: student.id, exerciseId: id, verdict: 'AC', createdAt: times[index] });
		const earned = await awardsOf(db(), student.id);
		await db().delete(badgeAwards).where(eq(badgeAwards.userId, student.id));

		await awardEarnedBadges(db(), [student.id]);
		expect(await awardsOf(db(), student.id)).toEqual(earned);
		expect((await awardsOf(db(), student.id)).get(`topic:${topic}`)?.awardedAt).toEqual(times[1]);
		const announced = await announceNewBadges(db(), student.id);
		expect(announced.length).toBe(earned.size - 1); // the test topic is not in the catalogue
		await awardEarnedBadges(db());
		await awardEarnedBadges(db(), [student.id]);
		const again = await awardsOf(db(), student.id);
		expect([...again.keys()].sort()).toEqual([...earned.keys()].sort());
		expect([...again.values()].every((award) => award.announcedAt !== null)).toBe(true);
	});

	it('shows a student their own badges with progress, tells them of new ones once, and nothing of anyone else’s', async () => {
		const student = await createStudent(db());
		const classmate = await createStudent(db());
		const { ids } = await createExercises(db(), 7);
		for (const id of ids) await solve(db(), student.id, id);
		await solve(db(), classmate.id, ids[0]!);

		const told = await announceNewBadges(db(), student.id);
		expect(told.map((badge) => badge.id)).toEqual(['first_correct']);
		expect(told[0]).toMatchObject({ kind: 'first_correct', topic: null });
		expect(await announceNewBadges(db(), student.id)).toEqual([]);
		// The classmate's new badge is still theirs to be told about.
		expect((await awardsOf(db(), classmate.id)).get('first_correct')?.announcedAt).toBeNull();

		const shown = await studentBadges(db(), student.id);
		expect(shown.find((badge) => badge.id === 'first_correct')).toMatchObject({ earnedAt: expect.any(Date), isNew: true, current: 1, goal: 1 });
		expect(shown.find((badge) => badge.id === 'solved_10')).toMatchObject({ earnedAt: null, isNew: false, current: 7, goal: 10 });
		expect(shown.find((badge) => badge.id === 'sessions_5')).toMatchObject({ earnedAt: null, current: 0, goal: 5 });
		expect(shown.filter((badge) => badge.kind === 'topic').length).toBeGreaterThan(0);
		const classmates = await studentBadges(db(), classmate.id);
		expect(classmates.find((badge) => badge.id === 'solved_10')).toMatchObject({ current: 1 });
		// Viewing the profile counts as being told; the badge stays new on the profile for a day.
		expect((await awardsOf(db(), classmate.id)).get('first_correct')?.announcedAt).not.toBeNull();
		const later = await studentBadges(db(), classmate.id, new Date(Date.now() + 2 * day));
		expect(later.find((badge) => badge.id === 'first_correct')?.isNew).toBe(false);

		const both = await earnedBadges(db(), [student.id, classmate.id, crypto.randomUUID()]);
		expect(both[student.id]!.map((badge) => badge.id)).toEqual(['first_correct']);
		expect(both[classmate.id]!.map((badge) => badge.id)).toEqual(['first_correct']);
		expect(Object.values(both).flat()).toHaveLength(2);
	});

	// Last: it imports curriculum exercises (DNCL ones too) into the database the tests above share.
	it('gives the demo student earned badges and badges in progress', async () => {
		await importExercises(db(), 'hello-world', 'bus-stops-reverse', 'add-subtract-multiply', 'celsius-to-fahrenheit', 'coins-in-change', 'flower-bed');
		await importExercises(db(), 'minutes-to-hours', 'largest-of-three', 'countdown', 'sum-to-n', 'dncl-quotient-remainder', 'dncl-trace-variables');
		await importExercises(db(), 'dncl-vote-count');
		const student = await createStudent(db());
		await seedDemoBadges(db(), { studentEmail: student.email });
		await seedDemoBadges(db(), { studentEmail: student.email });
		const shown = await studentBadges(db(), student.id);
		const earned = shown.filter((badge) => badge.earnedAt).map((badge) => badge.id);
		// Only part of the curriculum is in this database, so some other topics are complete too.
		expect(earned).toEqual(expect.arrayContaining(['first_correct', 'solved_10', 'topic:arithmetic']));
		expect(shown.find((badge) => badge.id === 'solved_30')).toMatchObject({ earnedAt: null, current: 12, goal: 30 });
		expect(shown.find((badge) => badge.id === 'dncl_all')).toMatchObject({ current: 2, goal: expect.any(Number) });
	});
});

/** Whether a transaction is waiting for a lock another holds. */
async function waitingForLock(db: Database): Promise<boolean> {
	const [row] = await selectRows<{ waiting: number }>(db, sql`select count(*)::int as waiting from pg_locks where not granted`);
	return Number(row?.waiting) > 0;
}
