// Review requests for the e2e tests, made through the domain's own functions as the pages make them.
import type { DatabaseConnection } from '../../src/lib/server/db';

/** A student's judged submission of `source` to the exercise `slug`, sent for review. */
export async function requestedReview(
	database: DatabaseConnection,
	studentId: string,
	options: { source: string; slug?: string; kind?: 'review' | 'help'; question?: string }
): Promise<{ submissionId: string; requestId: string }> {
	const { recordSubmission } = await import('../../src/lib/server/exercises/testing');
	const reviews = await import('../../src/lib/server/reviews');
	const { exercises } = await import('../../src/lib/server/db/schema');
	const { eq } = await import('drizzle-orm');
	const [exercise] = await database.db
		.select({ id: exercises.id })
		.from(exercises)
		.where(eq(exercises.slug, options.slug ?? 'hello-name'));
	if (!exercise) throw new Error(`no exercise ${options.slug}`);
	const submissionId = await recordSubmission(database.db, { userId: studentId, exerciseId: exercise.id, source: options.source });
	const created = await reviews.requestReview(
		database.db,
		studentId,
		{ submissionId, kind: options.kind ?? 'review', question: options.question },
		{ origin: 'http://localhost' }
	);
	if (!created.ok) throw new Error(created.problem);
	return { submissionId, requestId: created.id };
}
