// Test support for the exercises domain: real curriculum folders as content, and submissions as the judge leaves them.
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import type { Language } from '../judge/languages';
import { exercises, submissions, type Submission } from '../judge/schema';
import type { SubmissionVerdict } from '../../judge/verdicts';
import { defaultCurriculumRoot, hashContent, loadExerciseFolder, type ExerciseContent } from './content';
import { importCurriculum } from './import';

/** Folders of the shipped curriculum, read as they are. */
export async function curriculumExercises(...slugs: string[]): Promise<ExerciseContent[]> {
	return Promise.all(slugs.map((slug) => loadExerciseFolder(join(defaultCurriculumRoot, slug))));
}

/** The same exercise with some content changed, and its hash recomputed as the loader would. */
export function changedContent(content: ExerciseContent, change: Partial<Omit<ExerciseContent, 'contentHash'>>): ExerciseContent {
	const { contentHash: _previous, ...rest } = { ...content, ...change };
	return { ...rest, contentHash: hashContent(rest) };
}

/** Imports the given curriculum folders and returns their exercise ids by slug. */
export async function importExercises(db: Database, ...slugs: string[]): Promise<Record<string, string>> {
	const contents = await curriculumExercises(...slugs);
	await importCurriculum(db, contents);
	const ids: Record<string, string> = {};
	for (const slug of slugs) {
		const [row] = await db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, slug));
		if (row) ids[slug] = row.id;
	}
	return ids;
}

/** A submission already judged (or, with `status`, still waiting), at `createdAt`. */
export async function recordSubmission(
	db: Database,
	options: {
		userId: string;
		exerciseId: string;
		verdict?: SubmissionVerdict | null;
		mode?: 'run' | 'submit';
		language?: Language;
		source?: string;
		status?: Submission['status'];
		createdAt?: Date;
	}
): Promise<string> {
	const [row] = await db
		.insert(submissions)
		.values({
			userId: options.userId,
			exerciseId: options.exerciseId,
			language: options.language ?? 'python',
			source: options.source ?? 'print(1)\n',
			mode: options.mode ?? 'submit',
			status: options.status ?? 'done',
			verdict: options.verdict === undefined ? 'WA' : options.verdict,
			createdAt: options.createdAt ?? new Date(),
			finishedAt: options.status && options.status !== 'done' ? null : (options.createdAt ?? new Date())
		})
		.returning({ id: submissions.id });
	if (!row) throw new Error('insert returned no row');
	return row.id;
}
