// What to judge a submission against: its exercise's limits and the cases its mode calls for.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import type { JudgeRequest } from './judge';
import { defaultLimits } from './limits';
import { exerciseCases, exercises, type Submission } from './schema';

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
	const cases = await db
		.select({ input: exerciseCases.input, expectedOutput: exerciseCases.expectedOutput })
		.from(exerciseCases)
		.where(and(eq(exerciseCases.exerciseId, exercise.id), submission.mode === 'run' ? eq(exerciseCases.isSample, true) : undefined))
		.orderBy(asc(exerciseCases.position));
	return { ...request, cases };
}
