// Mentors' saved comments: shared per exercise, used with a click, counted, and closed to everyone but the mentor
// holding a request for that exercise.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { importExercises } from '../exercises/testing';
import { addLineComment, postReview } from './comments';
import { claimReview } from './queue';
import { requestReview } from './requests';
import { deleteSavedComment, earlierReviewsOfExercise, listSavedComments, saveComment, savedCommentTotals, savedCommentsPerExercise } from './saved-comments';
import { maxSavedCommentLength } from './schema';
import { createMentor, createStudentMember, judgedSubmission, reviewExerciseId, testOrigin } from './testing';

describeEachDatabase('mentors’ saved comments', (connection) => {
	const db = () => connection().db;
	let exerciseId: string;
	let otherExerciseId: string;
	beforeAll(async () => {
		exerciseId = await reviewExerciseId(db());
		otherExerciseId = (await importExercises(db(), 'hello-name'))['hello-name']!;
	});

	/** A request for `exercise`, claimed by a new mentor. */
	async function claimed(exercise = exerciseId) {
		const student = await createStudentMember(db());
		const submissionId = await judgedSubmission(db(), student.id, exercise);
		const asked = await requestReview(db(), student.id, { submissionId, kind: 'review', question: undefined }, { origin: testOrigin });
		if (!asked.ok) throw new Error(asked.problem);
		const mentor = await createMentor(db());
		expect(await claimReview(db(), mentor.id, asked.id)).toEqual({ ok: true });
		return { student, mentor, requestId: asked.id };
	}

	it('shares a saved comment with every mentor reviewing the same exercise, most used first, and counts its uses', async () => {
		const before = await savedCommentTotals(db());
		const first = await claimed();
		const saved = await saveComment(db(), first.mentor.id, first.requestId, '  この変数名なら何が入っているかわかるね  ');
		if (!saved.ok) throw new Error(saved.problem);
		const other = await saveComment(db(), first.mentor.id, first.requestId, 'print の前に入力を確かめよう');
		if (!other.ok) throw new Error(other.problem);
		expect(await saveComment(db(), first.mentor.id, first.requestId, 'この変数名なら何が入っているかわかるね')).toEqual({
			ok: false,
			problem: 'review_saved_error_exists'
		});

		const second = await claimed();
		const seen = await listSavedComments(db(), second.mentor.id, second.requestId);
		expect(seen.map(({ body, mine }) => ({ body, mine }))).toEqual(
			expect.arrayContaining([
				{ body: 'この変数名なら何が入っているかわかるね', mine: false },
				{ body: 'print の前に入力を確かめよう', mine: false }
			])
		);
		expect(
			await addLineComment(db(), second.mentor.id, second.requestId, { iteration: 1, line: 1, body: '名前がわかりやすいね', savedCommentId: other.id })
		).toMatchObject({ ok: true });
		const after = await listSavedComments(db(), first.mentor.id, first.requestId);
		expect(after.find((comment) => comment.id === other.id)).toMatchObject({ uses: 1, mine: true });
		expect(after[0]!.uses).toBeGreaterThanOrEqual(after.at(-1)!.uses);
		// The coordinators' figure: two more saved, one more use (these tests run one at a time per database).
		expect(await savedCommentTotals(db())).toEqual({ saved: before.saved + 2, uses: before.uses + 1 });

		// Another exercise has its own set, and a use claimed for a comment of another exercise counts nothing.
		const elsewhere = await claimed(otherExerciseId);
		expect((await listSavedComments(db(), elsewhere.mentor.id, elsewhere.requestId)).map((comment) => comment.id)).not.toContain(saved.id);
		await addLineComment(db(), elsewhere.mentor.id, elsewhere.requestId, { iteration: 1, line: 1, body: 'x', savedCommentId: saved.id });
		expect((await listSavedComments(db(), first.mentor.id, first.requestId)).find((comment) => comment.id === saved.id)?.uses).toBe(0);
	});

	it('shows and changes nothing for a student, a mentor not holding the request, or a request that is not there', async () => {
		const { student, mentor, requestId } = await claimed();
		const saved = await saveComment(db(), mentor.id, requestId, '関数に分けると読みやすいね');
		if (!saved.ok) throw new Error(saved.problem);
		const stranger = await createMentor(db());
		expect(await listSavedComments(db(), stranger.id, requestId)).toEqual([]);
		expect(await listSavedComments(db(), student.id, requestId)).toEqual([]);
		expect(await saveComment(db(), stranger.id, requestId, '横取り')).toEqual({ ok: false, problem: 'review_error_not_found' });
		expect(await saveComment(db(), student.id, requestId, '自分で保存')).toEqual({ ok: false, problem: 'review_error_not_found' });
		expect(await saveComment(db(), mentor.id, crypto.randomUUID(), 'x')).toEqual({ ok: false, problem: 'review_error_not_found' });
		expect(await saveComment(db(), mentor.id, 'not-an-id', 'x')).toEqual({ ok: false, problem: 'review_error_not_found' });
		expect(await deleteSavedComment(db(), stranger.id, requestId, saved.id)).toEqual({ ok: false, problem: 'review_error_not_found' });

		// Another mentor who holds a request for the same exercise sees it, and still cannot delete what they did not save.
		const colleague = await claimed();
		expect(await deleteSavedComment(db(), colleague.mentor.id, colleague.requestId, saved.id)).toEqual({ ok: false, problem: 'review_error_not_found' });
		expect(await deleteSavedComment(db(), mentor.id, requestId, Number.NaN)).toEqual({ ok: false, problem: 'review_error_not_found' });
		expect(await deleteSavedComment(db(), mentor.id, requestId, saved.id)).toEqual({ ok: true });
		expect((await listSavedComments(db(), mentor.id, requestId)).map((comment) => comment.id)).not.toContain(saved.id);
	});

	it('refuses a comment too long to keep, and more than the set holds, even when saved at the same moment', async () => {
		const { mentor, requestId } = await claimed(otherExerciseId);
		expect(await saveComment(db(), mentor.id, requestId, 'あ'.repeat(maxSavedCommentLength + 1))).toEqual({
			ok: false,
			problem: 'review_saved_error_too_long'
		});
		expect(await saveComment(db(), mentor.id, requestId, '   ')).toEqual({ ok: false, problem: 'review_saved_error_too_long' });
		const others = await Promise.all([1, 2].map(() => claimed(otherExerciseId)));
		const helpers = [mentor, ...others.map((other) => other.mentor)];
		const requests = [requestId, ...others.map((other) => other.requestId)];
		const already = (await listSavedComments(db(), mentor.id, requestId)).length;
		// Fill the set to one short of full, then three mentors save at once: exactly one gets the last place.
		for (let index = already; index < savedCommentsPerExercise - 1; index++) {
			const saved = await saveComment(db(), helpers[index % 3]!.id, requests[index % 3]!, `コメント ${index}`);
			if (!saved.ok) throw new Error(`filling: ${saved.problem}`);
		}
		expect((await listSavedComments(db(), mentor.id, requestId)).length).toBe(savedCommentsPerExercise - 1);
		const last = await Promise.all([0, 1, 2].map((index) => saveComment(db(), helpers[index]!.id, requests[index]!, `最後 ${index}`)));
		expect(last.filter((outcome) => outcome.ok)).toHaveLength(1);
		expect(last.filter((outcome) => !outcome.ok && outcome.problem === 'review_saved_error_full')).toHaveLength(2);
		expect((await listSavedComments(db(), mentor.id, requestId)).length).toBe(savedCommentsPerExercise);
	});

	it('shows how other students’ solutions to the exercise were reviewed, posted reviews only, without names', async () => {
		const reviewed = await claimed();
		await addLineComment(db(), reviewed.mentor.id, reviewed.requestId, { iteration: 1, line: 2, body: '**Hello** のあとに名前も出そう' });
		expect(
			await postReview(db(), reviewed.mentor.id, reviewed.requestId, { body: 'あと少し！', outcome: 'changes_requested' }, { origin: testOrigin })
		).toEqual({ ok: true });
		const drafting = await claimed();
		await addLineComment(db(), drafting.mentor.id, drafting.requestId, { iteration: 1, line: 1, body: 'まだ下書き' });
		const elsewhere = await claimed(otherExerciseId);
		await postReview(db(), elsewhere.mentor.id, elsewhere.requestId, { body: '別の問題のレビュー', outcome: 'approved' }, { origin: testOrigin });

		const current = await claimed();
		const earlier = await earlierReviewsOfExercise(db(), current.mentor.id, current.requestId);
		const mine = earlier.find((review) => review.bodyHtml.includes('あと少し！'));
		expect(mine).toMatchObject({
			outcome: 'changes_requested',
			lineComments: [{ line: 2, lineText: 'print("Hello")', bodyHtml: expect.stringContaining('<strong>Hello</strong>') }]
		});
		const shown = JSON.stringify(earlier);
		for (const hidden of [
			'まだ下書き',
			'別の問題のレビュー',
			reviewed.student.fullName,
			reviewed.student.displayName,
			reviewed.mentor.displayName,
			reviewed.mentor.id
		]) {
			expect(shown).not.toContain(hidden);
		}
		// Its own review is not "another" one; a mentor not holding the request, and a student, see nothing.
		expect(JSON.stringify(await earlierReviewsOfExercise(db(), reviewed.mentor.id, reviewed.requestId))).not.toContain('あと少し！');
		expect(await earlierReviewsOfExercise(db(), (await createMentor(db())).id, current.requestId)).toEqual([]);
		expect(await earlierReviewsOfExercise(db(), current.student.id, current.requestId)).toEqual([]);
	});
});
