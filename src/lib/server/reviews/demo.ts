// Development demo data: the demo student's requests to mentors, made through the domain's own functions as the pages
// make them. A help request has waited four days in the queue (past the coordinators' default highlight of three), and
// in another discussion the demo mentor commented on two lines and asked for changes.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { users, exerciseCases, exercises } from '../db/schema';
import { saveDraft } from '../exercises';
import { outputsMatch } from '../../judge/compare';
import { submissions } from '../judge/schema';
import { addLineComment, postReview } from './comments';
import { claimReview } from './queue';
import { requestReview } from './requests';
import { reviewRequests } from './schema';

const hour = 60 * 60 * 1000;

/** A student's wrong submit and what the program prints for an input, so that its results read like the judge's. */
interface DemoAttempt {
	slug: string;
	source: string;
	output(input: string): string;
}

// Forgot "さん" at the end.
const greeting: DemoAttempt = {
	slug: 'hello-name',
	source: 'name = input()\nprint("こんにちは、" + name)\n',
	output: (input) => `こんにちは、${input.trim()}\n`
};
// Divides instead of taking the remainder.
const parity: DemoAttempt = {
	slug: 'even-or-odd',
	source: 'n = int(input())\nif n / 2 == 0:\n    print("even")\nelse:\n    print("odd")\n',
	output: (input) => (Number(input.trim()) / 2 === 0 ? 'even\n' : 'odd\n')
};

export interface DemoReviewOptions {
	studentEmail: string;
	mentorEmail: string;
	origin?: string;
	now?: Date;
}

/** Does nothing when either account or exercise is missing, or the student already has review requests. */
export async function seedDemoReviews(db: Database, options: DemoReviewOptions): Promise<void> {
	const now = options.now ?? new Date();
	const context = { origin: options.origin ?? 'http://localhost:5173' };
	const people = await db
		.select({ id: users.id, email: users.email })
		.from(users)
		.where(inArray(users.email, [options.studentEmail, options.mentorEmail]));
	const student = people.find((person) => person.email === options.studentEmail)?.id;
	const mentor = people.find((person) => person.email === options.mentorEmail)?.id;
	if (!student || !mentor) return;
	const [existing] = await db.select({ id: reviewRequests.id }).from(reviewRequests).where(eq(reviewRequests.studentId, student)).limit(1);
	if (existing) return;
	const exerciseIds = Object.fromEntries(
		(
			await db
				.select({ id: exercises.id, slug: exercises.slug })
				.from(exercises)
				.where(inArray(exercises.slug, [greeting.slug, parity.slug]))
		).map((row) => [row.slug, row.id])
	);
	// A content folder without these two exercises (CONTENT_DIR) gets no demo discussions.
	if (!exerciseIds[greeting.slug] || !exerciseIds[parity.slug]) return;

	const waiting = await submit(db, student, exerciseIds[greeting.slug]!, greeting, new Date(now.getTime() - 96 * hour - 10 * 60 * 1000));
	const help = await requestReview(
		db,
		student,
		{ submissionId: waiting, kind: 'help', question: '最後に「さん」をつけたいのですが、どこに書けばよいか分かりません。' },
		{ ...context, now: new Date(now.getTime() - 96 * hour) }
	);
	if (!help.ok) throw new Error(`demo help request: ${help.problem}`);

	const askedAt = new Date(now.getTime() - 30 * hour);
	const answered = await submit(db, student, exerciseIds[parity.slug]!, parity, new Date(askedAt.getTime() - 5 * 60 * 1000));
	const discussion = await requestReview(
		db,
		student,
		{ submissionId: answered, kind: 'help', question: '4 を入れても `odd` と出てしまいます。どこが間違っていますか？' },
		{ ...context, now: askedAt }
	);
	if (!discussion.ok) throw new Error(`demo discussion: ${discussion.problem}`);
	const reviewedAt = new Date(askedAt.getTime() + 6 * hour);
	const claimed = await claimReview(db, mentor, discussion.id, reviewedAt);
	if (!claimed.ok) throw new Error(`demo claim: ${claimed.problem}`);
	const lineComments = [
		{ line: 1, body: '入力を `int()` で整数に変換できていますね。' },
		{ line: 2, body: '`/` は割り算の答え（商）を求めます。**2で割った余り**を求めるには `%` を使ってみましょう。' }
	];
	for (const comment of lineComments) {
		const added = await addLineComment(db, mentor, discussion.id, { iteration: 1, ...comment }, reviewedAt);
		if (!added.ok) throw new Error(`demo line comment: ${added.problem}`);
	}
	const posted = await postReview(
		db,
		mentor,
		discussion.id,
		{ body: 'おしいです！ 2行目の条件を直せば正解できるはずです。直したら、もう一度提出して送ってください。', outcome: 'changes_requested' },
		{ ...context, now: reviewedAt }
	);
	if (!posted.ok) throw new Error(`demo review: ${posted.problem}`);
	// The editor opens on the code the mentor commented on, as it would for the student who sent it.
	for (const attempt of [greeting, parity])
		await saveDraft(db, { userId: student, includeUnpublished: false }, { slug: attempt.slug, language: 'python', source: attempt.source });
}

/** The attempt as a judged submit, with the output of each of the exercise's cases. */
async function submit(db: Database, userId: string, exerciseId: string, attempt: DemoAttempt, at: Date): Promise<string> {
	const cases = await db
		.select({ input: exerciseCases.input, expectedOutput: exerciseCases.expectedOutput })
		.from(exerciseCases)
		.where(eq(exerciseCases.exerciseId, exerciseId))
		.orderBy(asc(exerciseCases.position));
	const results = cases.map((testCase) => {
		const stdout = attempt.output(testCase.input);
		return { verdict: outputsMatch('lines', stdout, testCase.expectedOutput) ? ('AC' as const) : ('WA' as const), timeMs: 24, stdout, stderr: '' };
	});
	const [row] = await db
		.insert(submissions)
		.values({
			userId,
			exerciseId,
			language: 'python',
			source: attempt.source,
			mode: 'submit',
			status: 'done',
			attempts: 1,
			verdict: results.every((result) => result.verdict === 'AC') ? 'AC' : 'WA',
			results: { cases: results },
			casesDone: results.length,
			casesTotal: results.length,
			createdAt: at,
			startedAt: at,
			finishedAt: new Date(at.getTime() + 900)
		})
		.returning({ id: submissions.id });
	return row!.id;
}
