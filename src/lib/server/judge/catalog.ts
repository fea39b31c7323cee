// An exercise as a student's page shows it: the statement and the sample cases, never the hidden ones.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { exerciseCases, exercises } from './schema';

export async function findExerciseForStudent(db: Database, slug: string, options: { includeDrafts: boolean }) {
	const [exercise] = await db
		.select({
			id: exercises.id,
			slug: exercises.slug,
			titleJa: exercises.titleJa,
			titleEn: exercises.titleEn,
			statementJa: exercises.statementJa,
			statementEn: exercises.statementEn,
			timeLimitMs: exercises.timeLimitMs,
			memoryLimitMb: exercises.memoryLimitMb,
			languages: exercises.languages
		})
		.from(exercises)
		.where(and(eq(exercises.slug, slug), options.includeDrafts ? undefined : eq(exercises.published, true)));
	if (!exercise) return undefined;
	const samples = await db
		.select({ input: exerciseCases.input, expectedOutput: exerciseCases.expectedOutput })
		.from(exerciseCases)
		.where(and(eq(exerciseCases.exerciseId, exercise.id), eq(exerciseCases.isSample, true)))
		.orderBy(asc(exerciseCases.position));
	return { ...exercise, samples };
}
