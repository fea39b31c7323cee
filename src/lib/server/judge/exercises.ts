// Everything the judge reads of the exercises it judges. The exercises and their cases are on the floor below both
// domains (../db/schema.ts): only the exercises domain writes them, and the judge reads them only here.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { exerciseCases, exercises } from '../db/schema';
import type { JudgeRequest } from './judge';
import type { Language } from './languages';
import { defaultLimits } from './limits';
import { submissions, type Submission, type SubmissionMode } from './schema';

/** The published exercise of this slug (drafts too for coordinators), or undefined. */
export async function findExerciseId(db: Database, slug: string, options: { includeDrafts: boolean }): Promise<string | undefined> {
	const [exercise] = await db
		.select({ id: exercises.id })
		.from(exercises)
		.where(and(eq(exercises.slug, slug), options.includeDrafts ? undefined : eq(exercises.published, true)));
	return exercise?.id;
}

/** What enqueueing needs to know: the languages the exercise allows and how many cases a run and a submit judge. */
export async function exerciseShape(db: Database, exerciseId: string): Promise<{ languages: Language[]; cases: number; samples: number } | undefined> {
	const [shape] = await db
		.select({
			languages: exercises.languages,
			cases: count(exerciseCases.id),
			samples: sql<number>`count(${exerciseCases.id}) filter (where ${exerciseCases.isSample})`.mapWith(Number)
		})
		.from(exercises)
		.leftJoin(exerciseCases, eq(exerciseCases.exerciseId, exercises.id))
		.where(eq(exercises.id, exerciseId))
		.groupBy(exercises.id);
	return shape;
}

/** The cases a mode judges, in the judge's order: the samples for a run, every case for a submit. */
export function casesFor(db: Database, exerciseId: string, mode: SubmissionMode) {
	return db
		.select({ isSample: exerciseCases.isSample, input: exerciseCases.input, expectedOutput: exerciseCases.expectedOutput })
		.from(exerciseCases)
		.where(and(eq(exerciseCases.exerciseId, exerciseId), mode === 'run' ? eq(exerciseCases.isSample, true) : undefined))
		.orderBy(asc(exerciseCases.position));
}

/** What to judge a submission against: its exercise's limits and the cases its mode calls for. */
export async function judgeRequestFor(db: Database, submission: Submission): Promise<JudgeRequest> {
	const [exercise] = await db.select().from(exercises).where(eq(exercises.id, submission.exerciseId));
	if (!exercise) throw new Error(`exercise ${submission.exerciseId} not found`);
	const request = {
		language: submission.language,
		source: submission.source,
		limits: {
			...defaultLimits,
			timeLimitMs: exercise.timeLimitMs,
			memoryLimitMb: exercise.memoryLimitMb,
			outputLimitKb: exercise.outputLimitKb
		},
		compareMode: exercise.compareMode,
		dnclArrayBase: exercise.dnclArrayBase
	};
	// Run: the samples, or the student's own input (shown, not compared). Submit: every case.
	if (submission.mode === 'run' && submission.stdin !== null) {
		return { ...request, cases: [{ input: submission.stdin, expectedOutput: null }] };
	}
	const cases = await casesFor(db, exercise.id, submission.mode);
	return { ...request, cases: cases.map(({ input, expectedOutput }) => ({ input, expectedOutput })) };
}

/** A submission with the slug and titles of its exercise, in one query (the result page is polled while judging). */
export async function submissionWithExercise(db: Database, submissionId: string) {
	const [row] = await db
		.select({ submission: submissions, exercise: { slug: exercises.slug, titleJa: exercises.titleJa, titleEn: exercises.titleEn } })
		.from(submissions)
		.innerJoin(exercises, eq(exercises.id, submissions.exerciseId))
		.where(eq(submissions.id, submissionId));
	return row;
}
