// Verify: the reference solutions go through the judge's queue like any submission (on every case, with the
// exercise's limits), so an author sees the same verdicts a student would. Publishing needs, for every language, a
// verification of the exercise as it is now (same content hash) that ended AC.
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import type { Language } from '../judge';
import { enqueueSubmission, SubmissionRejected } from '../judge';
import { submissions } from '../judge/schema';
import { exercises } from '../db/schema';
import * as rateLimit from '../ratelimit';
import { publishingProblems, setPublished, type PublishingProblem } from './authoring';
import { exerciseVerifications } from './schema';
import { loadStoredExercise } from './stored';
import type { Outcome } from '../outcome';

export type VerificationState = 'missing' | 'stale' | 'pending' | 'passed' | 'failed';

export interface LanguageVerification {
	language: Language;
	state: VerificationState;
	verdict: string | null;
	submissionId: string | null;
}

export const verifyWindow = { limit: 10, windowMs: 60_000 } as const;

export async function verificationStatus(db: Database, exerciseId: string): Promise<LanguageVerification[]> {
	const [exercise] = await db
		.select({ languages: exercises.languages, contentHash: exercises.contentHash })
		.from(exercises)
		.where(eq(exercises.id, exerciseId));
	if (!exercise) return [];
	const rows = await db
		.select({
			language: exerciseVerifications.language,
			contentHash: exerciseVerifications.contentHash,
			submissionId: exerciseVerifications.submissionId,
			status: submissions.status,
			verdict: submissions.verdict
		})
		.from(exerciseVerifications)
		.innerJoin(submissions, eq(submissions.id, exerciseVerifications.submissionId))
		.where(eq(exerciseVerifications.exerciseId, exerciseId));
	return exercise.languages.map((language) => {
		const row = rows.find((candidate) => candidate.language === language);
		if (!row) return { language, state: 'missing', verdict: null, submissionId: null };
		const state: VerificationState =
			row.contentHash !== exercise.contentHash
				? 'stale'
				: row.status === 'queued' || row.status === 'running'
					? 'pending'
					: row.status === 'done' && row.verdict === 'AC'
						? 'passed'
						: 'failed';
		return { language, state, verdict: row.status === 'failed' ? 'IE' : row.verdict, submissionId: row.submissionId };
	});
}

export type VerifyResult = Outcome<'author_error_not_found' | 'author_error_rate_limited' | 'author_error_nothing_to_verify', { submissionIds: string[] }>;

/** Queues each language's reference solution on every case; the judge's workers do the rest. */
export async function requestVerification(db: Database, slug: string, requestedBy: string): Promise<VerifyResult> {
	const stored = await loadStoredExercise(db, slug);
	if (!stored) return { ok: false, problem: 'author_error_not_found' };
	const { row, content } = stored;
	const runnable = content.languages.filter((language) => content.solution[language]?.trim());
	if (runnable.length === 0 || content.cases.length === 0) return { ok: false, problem: 'author_error_nothing_to_verify' };
	if (!(await rateLimit.tryConsume(db, `verify:${requestedBy}`, verifyWindow))) return { ok: false, problem: 'author_error_rate_limited' };
	const submissionIds: string[] = [];
	for (const language of runnable) {
		try {
			const { id } = await enqueueSubmission(db, {
				userId: requestedBy,
				exerciseId: row.id,
				language,
				mode: 'submit',
				source: content.solution[language] ?? '',
				stdin: null
			});
			submissionIds.push(id);
			const verification = { contentHash: row.contentHash ?? '', submissionId: id, requestedBy, createdAt: new Date() };
			await db
				.insert(exerciseVerifications)
				.values({ exerciseId: row.id, language, ...verification })
				.onConflictDoUpdate({ target: [exerciseVerifications.exerciseId, exerciseVerifications.language], set: verification });
		} catch (error) {
			if (error instanceof SubmissionRejected) return { ok: false, problem: 'author_error_nothing_to_verify' };
			throw error;
		}
	}
	return { ok: true, submissionIds };
}

export type PublishResult =
	| { ok: true }
	| { ok: false; problem: 'author_error_not_found' }
	| { ok: false; problem: 'author_error_publish_refused'; problems: PublishingProblem[]; unverified: Language[] };

/** Publishes only an exercise that is complete and whose reference solutions were judged AC as it is now. */
export async function publishExercise(db: Database, slug: string): Promise<PublishResult> {
	const stored = await loadStoredExercise(db, slug);
	if (!stored) return { ok: false, problem: 'author_error_not_found' };
	const problems = publishingProblems(stored.content);
	const unverified = (await verificationStatus(db, stored.row.id)).filter((entry) => entry.state !== 'passed').map((entry) => entry.language);
	if (problems.length > 0 || unverified.length > 0) return { ok: false, problem: 'author_error_publish_refused', problems, unverified };
	await setPublished(db, slug, true);
	return { ok: true };
}

export async function unpublishExercise(db: Database, slug: string): Promise<void> {
	await setPublished(db, slug, false);
}
