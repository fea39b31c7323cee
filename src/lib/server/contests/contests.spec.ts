// Practice contests: ranking and ties, penalties against beginner mode, windows (fixed and personal) at their
// boundaries, problems held back until the end, a scoreboard of nicknames only, and the attacks: entering for someone
// else or after the end, and a student or mentor forging a coordinator's action.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { catalogEntries, nextInCurriculum } from '../exercises/catalog';
import { createUser } from '../testing/factories';
import { cancelContest, createContest, getContest, updateContest } from './contests';
import { enterContest } from './entries';
import { exerciseHold } from './access';
import { rankStandings, type EntryResults } from './rules';
import { computeStandings } from './scoring';
import { scoreboardPage } from './scoreboard';
import { contests } from './schema';
import { createContestant, createTestContest, hour, minute, submitAt } from './testing';

const unsolved = { solvedAfterSeconds: null, wrong: 0, pending: false };
const solvedAt = (seconds: number, wrong = 0) => ({ solvedAfterSeconds: seconds, wrong, pending: false });
const entry = (userId: string, startedAtMs: number, problems: EntryResults['problems']): EntryResults => ({
	userId,
	nickname: userId,
	startedAt: new Date(startedAtMs),
	problems
});

describe('the ranking', () => {
	it('orders by solved count, then time; ties share a rank and keep the order of entry', () => {
		const standings = rankStandings(
			[
				entry('late-tie', 3, [solvedAt(600), unsolved]),
				entry('two-slow', 1, [solvedAt(100), solvedAt(1800)]),
				entry('nothing', 0, [unsolved, unsolved]),
				entry('early-tie', 2, [unsolved, solvedAt(600)]),
				entry('two-fast', 4, [solvedAt(300), solvedAt(900)])
			],
			{ beginner: true, penaltyMinutes: 5 }
		);
		expect(standings.map((standing) => [standing.userId, standing.rank, standing.solved, standing.timeSeconds])).toEqual([
			['two-fast', 1, 2, 900],
			['two-slow', 2, 2, 1800],
			['early-tie', 3, 1, 600],
			['late-tie', 3, 1, 600],
			['nothing', 5, 0, 0]
		]);
	});

	it('adds the penalty per wrong answer on solved problems only, and none in beginner mode', () => {
		const entries = [
			entry('careful', 0, [solvedAt(1000), unsolved]),
			entry('hasty', 1, [solvedAt(400, 2), { solvedAfterSeconds: null, wrong: 5, pending: false }])
		];
		const penalised = rankStandings(entries, { beginner: false, penaltyMinutes: 5 });
		expect(penalised.map((standing) => [standing.userId, standing.timeSeconds, standing.penalties])).toEqual([
			['careful', 1000, 0],
			['hasty', 400 + 2 * 300, 2]
		]);
		const beginner = rankStandings(entries, { beginner: true, penaltyMinutes: 5 });
		expect(beginner.map((standing) => [standing.userId, standing.timeSeconds, standing.penalties])).toEqual([
			['hasty', 400, 0],
			['careful', 1000, 0]
		]);
	});
});

describeEachDatabase('practice contests', (connection) => {
	const db = () => connection().db;

	it('scores the submits inside a fixed window: first AC time, wrong answers before it (not CE), pending ones', async () => {
		const startsAt = new Date(Date.now() - 2 * hour);
		const contest = await createTestContest(db(), { startsAt, endsAt: new Date(startsAt.getTime() + hour), beginner: false, penaltyMinutes: 5 });
		const [a, b] = contest.exerciseIds as [string, string];
		const student = await createContestant(db());
		expect((await enterContest(db(), student, contest.id, new Date(startsAt.getTime() + minute))).ok).toBe(true);
		const at = (minutes: number) => new Date(startsAt.getTime() + minutes * minute);
		await submitAt(db(), student.id, a, new Date(startsAt.getTime() - 1), 'AC'); // before the start: not counted
		await submitAt(db(), student.id, a, at(3), 'WA');
		await submitAt(db(), student.id, a, at(4), 'CE');
		await submitAt(db(), student.id, a, at(10), 'AC');
		await submitAt(db(), student.id, a, at(12), 'WA'); // after its AC: not counted
		await submitAt(db(), student.id, b, at(20), 'TLE');
		await submitAt(db(), student.id, b, at(21), null);
		await submitAt(db(), student.id, b, at(60), 'AC'); // at the end: outside
		const [standing] = (await computeStandings(db(), contest.id))!;
		expect(standing).toMatchObject({
			solved: 1,
			penalties: 1,
			timeSeconds: 10 * 60 + 5 * 60,
			problems: [
				{ solvedAfterSeconds: 600, wrong: 1, pending: false },
				{ solvedAfterSeconds: null, wrong: 1, pending: true }
			]
		});
	});

	it('counts a personal window from the press of start to N minutes later, cut at the contest’s end', async () => {
		const startsAt = new Date(Date.now() - 10 * hour);
		const contest = await createTestContest(db(), { startsAt, endsAt: new Date(startsAt.getTime() + 8 * hour), windowMinutes: 90 });
		const [a, b] = contest.exerciseIds as [string, string];
		const early = await createContestant(db());
		const late = await createContestant(db());
		const pressed = new Date(startsAt.getTime() + hour);
		expect(await enterContest(db(), early, contest.id, new Date(startsAt.getTime() - minute))).toEqual({ ok: false, problem: 'contests_error_not_started' });
		const entered = await enterContest(db(), early, contest.id, pressed);
		expect(entered.ok && entered.entry.window).toEqual({ start: pressed, end: new Date(pressed.getTime() + 90 * minute) });
		// Pressing again does not restart the window.
		const again = await enterContest(db(), early, contest.id, new Date(pressed.getTime() + 30 * minute));
		expect(again.ok && again.entry.startedAt).toEqual(pressed);
		await submitAt(db(), early.id, a, new Date(pressed.getTime() - 1), 'AC'); // a millisecond before: not counted
		await submitAt(db(), early.id, a, pressed, 'AC'); // the first instant: counted, at 0 s
		await submitAt(db(), early.id, b, new Date(pressed.getTime() + 90 * minute), 'AC'); // the end itself: outside
		// Starting 30 minutes before the end leaves 30 minutes.
		const lateStart = new Date(startsAt.getTime() + 7.5 * hour);
		const lateEntry = await enterContest(db(), late, contest.id, lateStart);
		expect(lateEntry.ok && lateEntry.entry.window.end).toEqual(new Date(startsAt.getTime() + 8 * hour));
		await submitAt(db(), late.id, a, new Date(lateStart.getTime() + 29 * minute), 'AC');
		await submitAt(db(), late.id, b, new Date(lateStart.getTime() + 31 * minute), 'AC');
		const standings = (await computeStandings(db(), contest.id))!;
		expect(standings.map((standing) => [standing.userId, standing.rank, standing.solved, standing.timeSeconds])).toEqual([
			[early.id, 1, 1, 0],
			[late.id, 2, 1, 29 * 60]
		]);
	});

	it('refuses entering after the end, a cancelled contest, and anyone but a student; submits of others never count', async () => {
		const startsAt = new Date(Date.now() - 3 * hour);
		const contest = await createTestContest(db(), { startsAt, endsAt: new Date(startsAt.getTime() + hour) });
		const student = await createContestant(db());
		expect(await enterContest(db(), student, contest.id)).toEqual({ ok: false, problem: 'contests_error_ended' });
		expect(await enterContest(db(), student, contest.id, new Date(startsAt.getTime() + hour))).toEqual({ ok: false, problem: 'contests_error_ended' });
		const mentor = { ...(await createUser(db(), { roles: ['mentor'] })), roles: ['mentor'] };
		expect(await enterContest(db(), mentor, contest.id, new Date(startsAt.getTime() + minute))).toEqual({ ok: false, problem: 'contests_error_students_only' });
		expect(await enterContest(db(), student, 'not-a-uuid')).toEqual({ ok: false, problem: 'contests_error_not_found' });

		const running = await createTestContest(db());
		const entrant = await createContestant(db());
		const other = await createContestant(db());
		await enterContest(db(), entrant, running.id);
		await submitAt(db(), other.id, running.exerciseIds[0]!, new Date(), 'AC');
		const standings = (await computeStandings(db(), running.id))!;
		expect(standings.map((standing) => [standing.userId, standing.solved])).toEqual([[entrant.id, 0]]);
		await cancelContest(db(), running.coordinator, running.id);
		expect(await enterContest(db(), other, running.id)).toEqual({ ok: false, problem: 'contests_error_cancelled' });
	});

	it('holds its problems back from the catalog and their pages until the end, then releases them with their hints', async () => {
		const contest = await createTestContest(db(), { startsAt: new Date(Date.now() + hour) });
		const [slug] = contest.slugs as [string];
		const student = await createContestant(db());
		const listed = async () => (await catalogEntries(db(), student.id)).some((entry) => entry.slug === slug);
		expect(await listed()).toBe(false);
		expect(await exerciseHold(db(), slug, student)).toEqual({ held: true, open: false });
		expect(await exerciseHold(db(), slug, contest.coordinator)).toEqual({ held: false });
		// Registered before the start: still closed until the window opens.
		await enterContest(db(), student, contest.id);
		expect(await exerciseHold(db(), slug, student)).toEqual({ held: true, open: false });
		const during = new Date(Date.now() + 90 * minute);
		expect(await exerciseHold(db(), slug, student, during)).toMatchObject({ held: true, open: true, contest: { id: contest.id } });
		// The contest is over: the catalog lists it (the hold's clock is the database's), and its page is open to all.
		await db()
			.update(contests)
			.set({ startsAt: new Date(Date.now() - 3 * hour), endsAt: new Date(Date.now() - hour) })
			.where(eq(contests.id, contest.id));
		expect(await listed()).toBe(true);
		expect(await exerciseHold(db(), slug, student)).toEqual({ held: false });

		// A cancelled contest holds nothing back; a running one keeps its next problem out of "what to try next".
		const running = await createTestContest(db());
		const otherStudent = await createContestant(db());
		expect((await catalogEntries(db(), otherStudent.id)).some((entry) => running.slugs.includes(entry.slug))).toBe(false);
		expect(running.slugs).not.toContain((await nextInCurriculum(db(), otherStudent.id, slug))?.slug);
		await cancelContest(db(), running.coordinator, running.id);
		expect((await catalogEntries(db(), otherStudent.id)).filter((entry) => running.slugs.includes(entry.slug))).toHaveLength(2);
	});

	it('shows nicknames only on the scoreboard, marks the viewer’s own row, and answers the same ETag while nothing changed', async () => {
		const contest = await createTestContest(db());
		const named = await createContestant(db(), 'かなざわ');
		const unnamed = await createContestant(db(), null);
		await enterContest(db(), named, contest.id);
		await enterContest(db(), unnamed, contest.id);
		await submitAt(db(), named.id, contest.exerciseIds[0]!, new Date(), 'AC');
		const now = Date.now();
		const board = (await scoreboardPage(db(), contest.id, { viewerId: unnamed.id, now }))!;
		const text = JSON.stringify(board);
		for (const secret of [named.fullName, unnamed.fullName, named.displayName, unnamed.displayName, named.email, named.id, unnamed.id]) {
			expect(text).not.toContain(secret);
		}
		expect(board.rows.map((row) => [row.rank, row.nickname, row.mine])).toEqual([
			[1, 'かなざわ', false],
			[2, null, true]
		]);
		expect(board.mine).toMatchObject({ rank: 2, solved: 0 });
		const again = (await scoreboardPage(db(), contest.id, { viewerId: unnamed.id, now: now + 10_000 }))!;
		expect(again.etag).toBe(board.etag);
		await submitAt(db(), unnamed.id, contest.exerciseIds[1]!, new Date(), 'AC');
		const changed = (await scoreboardPage(db(), contest.id, { viewerId: unnamed.id, now: now + 20_000 }))!;
		expect(changed.etag).not.toBe(board.etag);
		expect(changed.rows.map((row) => row.solved)).toEqual([1, 1]);
	});

	it('refuses coordinators’ actions forged by a student or a mentor, and changes to the scoring once started', async () => {
		const contest = await createTestContest(db());
		const before = await getContest(db(), contest.id);
		const student = await createContestant(db());
		const mentor = { ...(await createUser(db(), { roles: ['mentor'] })), roles: ['mentor'] };
		const input = {
			title: '乗っ取り',
			description: '',
			startsAt: new Date(),
			endsAt: new Date(Date.now() + hour),
			windowMinutes: null,
			beginner: true,
			penaltyMinutes: 5,
			problemSlugs: contest.slugs
		};
		for (const intruder of [student, mentor]) {
			expect(await createContest(db(), intruder, input)).toEqual({ ok: false, problem: 'contests_error_forbidden' });
			expect(await updateContest(db(), intruder, contest.id, input)).toEqual({ ok: false, problem: 'contests_error_forbidden' });
			expect(await cancelContest(db(), intruder, contest.id)).toEqual({ ok: false, problem: 'contests_error_forbidden' });
		}
		expect(await getContest(db(), contest.id)).toEqual(before);

		const same = { ...input, title: before!.title, startsAt: before!.startsAt, endsAt: before!.endsAt };
		expect(await updateContest(db(), contest.coordinator, contest.id, { ...same, beginner: false })).toEqual({ ok: false, problem: 'contests_error_locked' });
		expect(await updateContest(db(), contest.coordinator, contest.id, { ...same, problemSlugs: contest.slugs.slice(1) })).toEqual({
			ok: false,
			problem: 'contests_error_locked'
		});
		const later = new Date(before!.endsAt.getTime() + hour);
		expect(await updateContest(db(), contest.coordinator, contest.id, { ...same, title: '延長戦', endsAt: later })).toEqual({ ok: true });
		expect(await getContest(db(), contest.id)).toMatchObject({ title: '延長戦', endsAt: later, beginner: true });
		expect(await createContest(db(), contest.coordinator, { ...input, problemSlugs: ['no-such-exercise'] })).toEqual({
			ok: false,
			problem: 'contests_error_unknown_exercise'
		});
	});
});
