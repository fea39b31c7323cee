// Test support for the exercises domain: real curriculum folders as content, and submissions as the judge leaves them.
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import type { Language } from '../judge/languages';
import { submissions, type Submission } from '../judge/schema';
import { exerciseCases, exercises } from '../db/schema';
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

// Two small published exercises to judge against in end-to-end and worker tests.
interface DemoExercise {
	slug: string;
	titleJa: string;
	titleEn: string;
	statementJa: string;
	statementEn: string;
	cases: Array<{ isSample: boolean; input: string; expectedOutput: string }>;
}

const greeting = (name: string) => ({ input: `${name}\n`, expectedOutput: `こんにちは、${name}!\n` });
const sum = (a: number, b: number) => ({ input: `${a} ${b}\n`, expectedOutput: `${a + b}\n` });

export const demoExercises: DemoExercise[] = [
	{
		slug: 'hello',
		titleJa: 'あいさつしよう',
		titleEn: 'Say hello',
		statementJa: '名前が1行で入力されます。「こんにちは、名前!」と出力してください。',
		statementEn: 'A name is given on one line. Print "こんにちは、<name>!".',
		cases: [
			{ isSample: true, ...greeting('金沢') },
			{ isSample: true, ...greeting('Taro') },
			{ isSample: false, ...greeting('兼六園') },
			{ isSample: false, ...greeting('IT部活') },
			{ isSample: false, ...greeting('a') }
		]
	},
	{
		slug: 'sum-of-two-numbers',
		titleJa: '2つの数の足し算',
		titleEn: 'Sum of two numbers',
		statementJa: '整数 A と B がスペース区切りで1行に入力されます。A + B を出力してください。',
		statementEn: 'Two integers A and B are given on one line, separated by a space. Print A + B.',
		cases: [
			{ isSample: true, ...sum(1, 2) },
			{ isSample: true, ...sum(10, 20) },
			{ isSample: false, ...sum(-5, 5) },
			{ isSample: false, ...sum(0, 0) },
			{ isSample: false, ...sum(123456789, 987654321) }
		]
	}
];

/** Inserts the demo exercises that are not there yet (by slug), published, for both languages. */
export async function seedDemoExercises(db: Database): Promise<void> {
	for (const { cases, ...exercise } of demoExercises) {
		await db.transaction(async (tx) => {
			const [inserted] = await tx
				.insert(exercises)
				.values({ ...exercise, languages: ['python', 'javascript'], published: true })
				.onConflictDoNothing({ target: exercises.slug })
				.returning({ id: exercises.id });
			if (!inserted) return;
			await tx.insert(exerciseCases).values(cases.map((testCase, position) => ({ ...testCase, exerciseId: inserted.id, position })));
		});
	}
}
