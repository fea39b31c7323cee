import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { outboxMail } from '../db/schema';
import * as audit from '../audit';
import { deactivateMentor } from '../mentor-deactivation';
import { setMailPreferences } from '../notifications/preferences';
import { notifications } from '../notifications/schema';
import { createUser } from '../testing/factories';
import { claimLifetimeMs } from './access';
import { reviewBacklog, reviewsByMentor, reviewsByOrganisation, setHighlightDays } from './backlog';
import { addLineComment, deleteDraftComment, postReview, reply } from './comments';
import { editorReview, openDiscussion } from './discussion';
import { claimReview, listMentorRequests, listQueue, releaseClaim } from './queue';
import { closeRequest, followUpSubmission, listStudentRequests, requestReview, reviewStateOfSubmission } from './requests';
import { enqueueSubmission } from '../judge/queue';
import { reviewIterations } from './schema';
import { createMentor, createStudentMember, judgedSubmission, reviewExerciseId, testOrigin, threeLines } from './testing';

const hour = 60 * 60 * 1000;
const context = { origin: testOrigin };

describeEachDatabase('reviews of submissions', (connection) => {
	const db = () => connection().db;
	let exerciseId: string;
	beforeAll(async () => {
		exerciseId = await reviewExerciseId(db());
	});

	async function askForReview(options: { question?: string; kind?: 'review' | 'help'; at?: Date } = {}) {
		const student = await createStudentMember(db());
		const submissionId = await judgedSubmission(db(), student.id, exerciseId);
		const created = await requestReview(
			db(),
			student.id,
			{ submissionId, kind: options.kind ?? 'help', question: options.question ?? '3行目で名前が出ません' },
			{ ...context, now: options.at }
		);
		if (!created.ok) throw new Error(created.problem);
		return { student, submissionId, requestId: created.id };
	}
	const mentorView = (userId: string) => ({ id: userId, as: 'mentor' as const, displayName: 'メンター' });
	const studentView = (userId: string) => ({ id: userId, as: 'student' as const, displayName: '生徒' });

	it('queues requests oldest first with nickname and grade only, filterable by language and exercise', async () => {
		const base = new Date(Date.now() - 10 * hour);
		const older = await askForReview({ at: base });
		const newer = await askForReview({ at: new Date(base.getTime() + hour) });
		const { entries } = await listQueue(db(), { language: 'python', exerciseSlug: 'hello-world' }, 'ja');
		const ours = entries.filter((entry) => [older.requestId, newer.requestId].includes(entry.id));
		expect(ours.map((entry) => entry.id)).toEqual([older.requestId, newer.requestId]);
		expect(ours[0]).toMatchObject({ kind: 'help', student: { nickname: 'かなざわ', grade: 'jh2' }, iterations: 1, question: '3行目で名前が出ません' });
		expect(JSON.stringify(ours)).not.toContain(older.student.fullName);
		expect(JSON.stringify(ours)).not.toContain(older.student.email);
		expect((await listQueue(db(), { language: 'javascript' }, 'ja')).entries.map((entry) => entry.id)).not.toContain(older.requestId);
		expect((await listQueue(db(), { exerciseSlug: 'fizzbuzz' }, 'ja')).entries).toEqual([]);
	});

	it('lets exactly one of several mentors claiming at once win', async () => {
		for (let round = 0; round < 3; round++) {
			const { requestId } = await askForReview();
			const contenders = await Promise.all([1, 2, 3, 4].map(() => createMentor(db())));
			const results = await Promise.all(contenders.map((mentor) => claimReview(db(), mentor.id, requestId)));
			expect(results.filter((result) => result.ok)).toHaveLength(1);
			expect(results.filter((result) => !result.ok && result.problem === 'review_error_taken')).toHaveLength(3);
			const winner = contenders[results.findIndex((result) => result.ok)]!;
			expect((await openDiscussion(db(), requestId, mentorView(winner.id), 'ja'))?.can.review).toBe(true);
			for (const loser of contenders.filter((mentor) => mentor !== winner)) {
				// Another mentor's claim is answered like a missing request: not even readable.
				expect(await openDiscussion(db(), requestId, mentorView(loser.id), 'ja')).toBeUndefined();
				expect(await addLineComment(db(), loser.id, requestId, { iteration: 1, line: 1, body: '横取り' })).toEqual({
					ok: false,
					problem: 'review_error_not_found'
				});
			}
		}
	});

	it('returns a claim untouched for 48 hours to its place in the queue', async () => {
		const asked = new Date(Date.now() - 72 * hour);
		const { requestId } = await askForReview({ at: asked });
		const [first, second] = [await createMentor(db()), await createMentor(db())];
		const claimedAt = new Date(Date.now() - 60 * hour);
		expect(await claimReview(db(), first.id, requestId, claimedAt)).toEqual({ ok: true });
		// Acting keeps the claim alive.
		expect(await addLineComment(db(), first.id, requestId, { iteration: 1, line: 1, body: 'ここ' }, new Date(claimedAt.getTime() + 10 * hour))).toMatchObject({
			id: expect.any(Number)
		});
		const stillHeld = new Date(claimedAt.getTime() + 10 * hour + claimLifetimeMs - 1000);
		expect(await claimReview(db(), second.id, requestId, stillHeld)).toEqual({ ok: false, problem: 'review_error_taken' });
		const lapsed = new Date(claimedAt.getTime() + 10 * hour + claimLifetimeMs + 1000);
		const queued = (await listQueue(db(), {}, 'ja', lapsed)).entries.find((entry) => entry.id === requestId);
		expect(queued).toMatchObject({ lapsed: true, waitingSince: asked });
		expect(await postReview(db(), first.id, requestId, { body: '遅れました', outcome: 'approved' }, { ...context, now: lapsed })).toEqual({
			ok: false,
			problem: 'review_error_not_yours'
		});
		expect(await claimReview(db(), second.id, requestId, lapsed)).toEqual({ ok: true });
		const seen = await openDiscussion(db(), requestId, mentorView(second.id), 'ja', lapsed);
		// The first mentor's unposted draft is theirs alone.
		expect(seen?.comments).toEqual([]);
		expect(await openDiscussion(db(), requestId, mentorView(first.id), 'ja', lapsed)).toBeUndefined();
	});

	it('refuses a deactivated mentor and hands their claims back to the queue', async () => {
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		const mentor = await createMentor(db());
		const { requestId } = await askForReview();
		expect(await claimReview(db(), mentor.id, requestId)).toEqual({ ok: true });
		expect(await deactivateMentor(db(), coordinator, mentor.id, '規約違反')).toEqual({ ok: true });
		expect((await listQueue(db(), {}, 'ja')).entries.map((entry) => entry.id)).toContain(requestId);
		expect(await claimReview(db(), mentor.id, requestId)).toEqual({ ok: false, problem: 'review_error_taken' });
		expect(await openDiscussion(db(), requestId, mentorView(mentor.id), 'ja')).toMatchObject({ can: { claim: true, review: false } });
		const other = await createMentor(db());
		expect(await claimReview(db(), other.id, requestId)).toEqual({ ok: true });
	});

	it('runs the whole loop: line comments, review, reply, next iteration, approval, with notifications', async () => {
		const { student, requestId } = await askForReview();
		const mentor = await createMentor(db());
		expect(await claimReview(db(), mentor.id, requestId)).toEqual({ ok: true });
		const draft = await addLineComment(db(), mentor.id, requestId, { iteration: 1, line: 3, body: '`name` を表示しています。**いいですね**' });
		const doomed = await addLineComment(db(), mentor.id, requestId, { iteration: 1, line: 2, body: '消す' });
		expect(await addLineComment(db(), mentor.id, requestId, { iteration: 1, line: 4, body: 'なし' })).toEqual({
			ok: false,
			problem: 'review_error_line_out_of_range'
		});
		if (!doomed.ok || !draft.ok) throw new Error('no comment');
		expect(await deleteDraftComment(db(), mentor.id, requestId, doomed.id)).toEqual({ ok: true });
		// Drafts are the mentor's until posted.
		expect((await openDiscussion(db(), requestId, studentView(student.id), 'ja'))?.comments).toEqual([]);
		expect((await editorReview(db(), student.id, exerciseId))?.annotations).toEqual([]);

		expect(await postReview(db(), mentor.id, requestId, { body: '2行目の挨拶を問題文に合わせましょう。', outcome: 'changes_requested' }, context)).toEqual({
			ok: true
		});
		const forStudent = await openDiscussion(db(), requestId, studentView(student.id), 'ja');
		expect(forStudent).toMatchObject({ status: 'answered', outcome: 'changes_requested', can: { reply: true, close: true } });
		expect(forStudent!.comments.map((comment) => [comment.line, comment.draft, comment.outcome])).toEqual([
			[3, false, null],
			[null, false, 'changes_requested']
		]);
		expect(forStudent!.comments[0]!.bodyHtml).toContain('<code>name</code>');
		expect(await editorReview(db(), student.id, exerciseId)).toMatchObject({
			requestId,
			iteration: 1,
			reviewedSource: threeLines,
			annotations: [{ line: 3, lineText: 'print(name)' }]
		});
		const studentNotices = await db().select().from(notifications).where(eq(notifications.userId, student.id));
		expect(studentNotices.map((row) => [row.kind, (row.payload as { path: string }).path])).toEqual([['review_posted', `/reviews/${requestId}`]]);
		expect((await db().select().from(outboxMail).where(eq(outboxMail.toAddress, student.email))).map((mail) => mail.subject)).toHaveLength(1);

		expect(await reply(db(), studentView(student.id), requestId, 'ありがとうございます！直してみます', context)).toEqual({ ok: true });
		const mentorNotices = await db().select().from(notifications).where(eq(notifications.userId, mentor.id));
		expect(mentorNotices.map((row) => [row.kind, (row.payload as { path: string; name: string }).path, (row.payload as { name: string }).name])).toEqual([
			['review_reply', `/mentor/reviews/${requestId}`, 'かなざわ']
		]);

		const fixed = await judgedSubmission(db(), student.id, exerciseId, { verdict: 'AC', source: 'print("Hello, World!")\n' });
		expect(await requestReview(db(), student.id, { submissionId: fixed, kind: 'review', question: '直しました' }, context)).toEqual({
			ok: true,
			id: requestId,
			iteration: 2
		});
		expect(await requestReview(db(), student.id, { submissionId: fixed, kind: 'review', question: undefined }, context)).toEqual({
			ok: false,
			problem: 'review_error_already_sent'
		});
		const second = await openDiscussion(db(), requestId, mentorView(mentor.id), 'ja');
		expect(second).toMatchObject({ status: 'claimed', mine: true, can: { review: true } });
		expect(second!.iterations.map((iteration) => [iteration.number, iteration.result?.verdict])).toEqual([
			[1, 'WA'],
			[2, 'AC']
		]);
		const kinds = (await db().select().from(notifications).where(eq(notifications.userId, mentor.id))).map((row) => row.kind);
		expect(kinds).toContain('review_resubmitted');

		expect(await postReview(db(), mentor.id, requestId, { body: '完璧です', outcome: 'approved' }, context)).toEqual({ ok: true });
		const closed = await openDiscussion(db(), requestId, studentView(student.id), 'ja');
		expect(closed).toMatchObject({ status: 'closed', closedReason: 'approved', can: { reply: false } });
		expect(await reply(db(), studentView(student.id), requestId, 'もう一言', context)).toEqual({ ok: false, problem: 'review_error_closed' });
		expect((await listStudentRequests(db(), student.id, 'ja')).map((request) => [request.id, request.status, request.iterations])).toEqual([
			[requestId, 'closed', 2]
		]);
		expect(await listMentorRequests(db(), mentor.id, 'ja')).toEqual([]);
	});

	it('shows mentors nothing personal about the student, and students nothing of others', async () => {
		const { student, requestId } = await askForReview();
		const mentor = await createMentor(db());
		await claimReview(db(), mentor.id, requestId);
		await reply(db(), studentView(student.id), requestId, '補足です', context);
		const seen = JSON.stringify(await openDiscussion(db(), requestId, mentorView(mentor.id), 'ja'));
		expect(seen).toContain('かなざわ');
		for (const secret of [student.fullName, student.email, student.displayName, '兼六', 'k-kenroku', student.id]) expect(seen).not.toContain(secret);

		const stranger = await createStudentMember(db(), 'よそのこ');
		expect(await openDiscussion(db(), requestId, studentView(stranger.id), 'ja')).toBeUndefined();
		expect(await reply(db(), studentView(stranger.id), requestId, 'のぞき', context)).toEqual({ ok: false, problem: 'review_error_not_found' });
		expect(await closeRequest(db(), stranger.id, requestId)).toEqual({ ok: false, problem: 'review_error_not_found' });
		expect(await editorReview(db(), stranger.id, exerciseId)).toBeNull();
		// A mentor cannot open a discussion as a student would, about their own code either.
		expect(
			await requestReview(
				db(),
				stranger.id,
				{ submissionId: await judgedSubmission(db(), student.id, exerciseId), kind: 'review', question: undefined },
				context
			)
		).toEqual({ ok: false, problem: 'review_error_submission_not_found' });
	});

	it('renders comments as safe Markdown: stored XSS attempts come out as text', async () => {
		const { student, requestId } = await askForReview({ question: '<img src=x onerror=alert(1)>' });
		const mentor = await createMentor(db());
		await claimReview(db(), mentor.id, requestId);
		await addLineComment(db(), mentor.id, requestId, { iteration: 1, line: 1, body: '<script>alert("line")</script>' });
		await postReview(
			db(),
			mentor.id,
			requestId,
			{ body: '[見て](javascript:alert(1)) <iframe src="https://evil.example"></iframe>', outcome: 'changes_requested' },
			context
		);
		const seen = await openDiscussion(db(), requestId, studentView(student.id), 'ja');
		const html = [seen!.questionHtml, ...seen!.comments.map((comment) => comment.bodyHtml)].join('\n');
		expect(html).not.toMatch(/<script|<img|<iframe|href="javascript/i);
		expect(html).toContain('&lt;script&gt;');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
	});

	it('checks what students send: their own judged submissions, help only before AC, three open at most', async () => {
		const student = await createStudentMember(db());
		const accepted = await judgedSubmission(db(), student.id, exerciseId, { verdict: 'AC' });
		expect(await requestReview(db(), student.id, { submissionId: accepted, kind: 'help', question: '?' }, context)).toEqual({
			ok: false,
			problem: 'review_error_help_after_accepted'
		});
		const { recordSubmission, importExercises } = await import('../exercises/testing');
		const running = await recordSubmission(db(), { userId: student.id, exerciseId, status: 'running', verdict: null });
		expect(await requestReview(db(), student.id, { submissionId: running, kind: 'review', question: undefined }, context)).toEqual({
			ok: false,
			problem: 'review_error_not_judged'
		});
		expect(await requestReview(db(), student.id, { submissionId: 'nope', kind: 'review', question: undefined }, context)).toEqual({
			ok: false,
			problem: 'review_error_submission_not_found'
		});

		const ids = await importExercises(db(), 'hello-name', 'even-or-odd', 'fizzbuzz');
		for (const slug of ['hello-name', 'even-or-odd', 'fizzbuzz']) {
			const submissionId = await judgedSubmission(db(), student.id, ids[slug]!);
			expect(await requestReview(db(), student.id, { submissionId, kind: 'review', question: undefined }, context)).toMatchObject({ iteration: 1 });
		}
		const open = await requestReview(db(), student.id, { submissionId: accepted, kind: 'review', question: undefined }, context);
		expect(open).toEqual({ ok: false, problem: 'review_error_too_many' });
		const [first] = await listStudentRequests(db(), student.id, 'ja');
		expect(await closeRequest(db(), student.id, first!.id)).toEqual({ ok: true });
		expect(await requestReview(db(), student.id, { submissionId: accepted, kind: 'review', question: undefined }, context)).toMatchObject({ iteration: 1 });
		expect(await reviewStateOfSubmission(db(), student.id, accepted)).toMatchObject({ sentIn: { iteration: 1 }, atLimit: false });
	});

	it('tells mentors who opted in about new requests, and no one else', async () => {
		const [subscribed, quiet] = [await createMentor(db()), await createMentor(db())];
		await setMailPreferences(db(), subscribed.id, ['mentor'], new Set(['review_requested']));
		const { requestId } = await askForReview();
		const told = await db()
			.select()
			.from(notifications)
			.where(and(eq(notifications.kind, 'review_requested'), eq(notifications.userId, subscribed.id)));
		expect(told.map((row) => (row.payload as { path: string }).path)).toContain(`/mentor/reviews/${requestId}`);
		expect(await db().select().from(notifications).where(eq(notifications.userId, quiet.id))).toEqual([]);
	});

	it('gives coordinators the backlog, the overdue requests and reviews per mentor and organisation, and audits their reading', async () => {
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		const now = new Date();
		const stale = await askForReview({ at: new Date(now.getTime() - 5 * 24 * hour) });
		await askForReview({ at: new Date(now.getTime() - hour) });
		await setHighlightDays(db(), coordinator, 4);
		const backlog = await reviewBacklog(db(), 'ja', now);
		expect(backlog.highlightAfterDays).toBe(4);
		expect(backlog.overdue.map((request) => request.id)).toContain(stale.requestId);
		expect(backlog.overdue.every((request) => request.waitingSince < new Date(now.getTime() - 4 * 24 * hour))).toBe(true);
		expect(backlog.oldestWaitingSince!.getTime()).toBeLessThanOrEqual(now.getTime() - 5 * 24 * hour);

		const mentor = await createMentor(db());
		await claimReview(db(), mentor.id, stale.requestId);
		await postReview(db(), mentor.id, stale.requestId, { body: 'よくできました', outcome: 'approved' }, context);
		const after = await reviewBacklog(db(), 'ja', now);
		expect(after.overdue.map((request) => request.id)).not.toContain(stale.requestId);
		const byMentor = await reviewsByMentor(db());
		expect(byMentor.find((row) => row.userId === mentor.id)).toMatchObject({ reviews: 1 });
		const total = reviewsByOrganisation(byMentor).reduce((sum, group) => sum + group.reviews, 0);
		expect(total).toBe(byMentor.reduce((sum, row) => sum + row.reviews, 0));

		expect(await openDiscussion(db(), stale.requestId, { id: coordinator.id, as: 'coordinator', displayName: coordinator.displayName }, 'ja')).toMatchObject({
			can: { reply: false }
		});
		const [event] = await audit.listEvents(db(), { action: 'review_viewed', limit: 1 });
		expect(event).toMatchObject({ actorId: coordinator.id, detail: { requestId: stale.requestId } });
	});

	it('sends the first submit after "needs changes" to the mentor by itself, and no later one', async () => {
		const { student, requestId } = await askForReview();
		expect(await followUpSubmission(db(), student.id, await judgedSubmission(db(), student.id, exerciseId), context)).toBeNull();
		const mentor = await createMentor(db());
		await claimReview(db(), mentor.id, requestId);
		await postReview(db(), mentor.id, requestId, { body: 'もう少し', outcome: 'changes_requested' }, context);
		const fixed = await judgedSubmission(db(), student.id, exerciseId, { verdict: 'AC' });
		expect(await followUpSubmission(db(), student.id, fixed, context)).toEqual({ requestId, iteration: 2 });
		expect(await openDiscussion(db(), requestId, mentorView(mentor.id), 'ja')).toMatchObject({ status: 'claimed', can: { review: true } });
		expect((await db().select().from(notifications).where(eq(notifications.userId, mentor.id))).map((row) => row.kind)).toEqual(['review_resubmitted']);
		expect(await followUpSubmission(db(), student.id, await judgedSubmission(db(), student.id, exerciseId), context)).toBeNull();
		// Someone else's submission, or a run, never joins.
		const stranger = await createStudentMember(db());
		expect(await followUpSubmission(db(), stranger.id, fixed, context)).toBeNull();
		expect((await openDiscussion(db(), requestId, studentView(student.id), 'ja'))?.iterations).toHaveLength(2);
	});

	it('a submit that replaces the one sent to the mentor before judging takes its place in the discussion', async () => {
		const { student, requestId } = await askForReview();
		const mentor = await createMentor(db());
		await claimReview(db(), mentor.id, requestId);
		await postReview(db(), mentor.id, requestId, { body: 'もう少し', outcome: 'changes_requested' }, context);
		const send = (source: string) => enqueueSubmission(db(), { userId: student.id, exerciseId, language: 'python', mode: 'submit', source, stdin: null });
		const first = await send('print(1)\n');
		expect(await followUpSubmission(db(), student.id, first.id, context)).toEqual({ requestId, iteration: 2 });
		const second = await send('print(2)\n');
		expect(second.replaced).toEqual([first.id]);
		expect(await followUpSubmission(db(), student.id, second.id, context)).toEqual({ requestId, iteration: 2 });
		const iterations = await db().select().from(reviewIterations).where(eq(reviewIterations.requestId, requestId));
		expect(iterations.map((iteration) => [iteration.number, iteration.submissionId]).sort()).toEqual([
			[1, iterations.find((iteration) => iteration.number === 1)!.submissionId],
			[2, second.id]
		]);
	});

	it('lets a mentor hand a claim back, keeping its place and dropping their drafts', async () => {
		const asked = new Date(Date.now() - 3 * hour);
		const { requestId } = await askForReview({ at: asked });
		const mentor = await createMentor(db());
		await claimReview(db(), mentor.id, requestId);
		await addLineComment(db(), mentor.id, requestId, { iteration: 1, line: 1, body: '下書き' });
		expect(await releaseClaim(db(), mentor.id, requestId)).toBe(true);
		expect((await listQueue(db(), {}, 'ja')).entries.find((entry) => entry.id === requestId)).toMatchObject({ waitingSince: asked, lapsed: false });
		const other = await createMentor(db());
		await claimReview(db(), other.id, requestId);
		expect(await openDiscussion(db(), requestId, mentorView(mentor.id), 'ja')).toBeUndefined();
		expect(await releaseClaim(db(), mentor.id, requestId)).toBe(false);
	});
});
