// An exercise in the database and the same exercise in its folder form (content.ts): one converts to the other,
// so that the importer writes folders into rows and the authoring pages export rows as folders.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { exerciseCases, exercises, type Exercise } from '../db/schema';
import { hashContent, type ExerciseContent, type ExerciseContentCase } from './content';
import type { TopicId } from './topics';

/** The columns of `exercises` that hold an exercise's content (not its state: published, source, who and when). */
export function contentColumns(content: Omit<ExerciseContent, 'contentHash'> & { contentHash?: string }) {
	return {
		slug: content.slug,
		sortOrder: content.order,
		titleJa: content.title.ja,
		titleEn: content.title.en,
		statementJa: content.statement.ja,
		statementEn: content.statement.en,
		difficulty: content.difficulty,
		topics: [...content.topics],
		languages: [...content.languages],
		timeLimitMs: content.limits.timeLimitMs,
		memoryLimitMb: content.limits.memoryLimitMb,
		outputLimitKb: content.limits.outputLimitKb,
		compareMode: content.compareMode,
		hintsJa: [...content.hints.ja],
		hintsEn: [...content.hints.en],
		starter: { ...content.starter },
		solution: { ...content.solution },
		dnclArrayBase: content.dnclArrayBase === 1 ? (1 as const) : (0 as const),
		contentHash: content.contentHash ?? hashContent(content)
	};
}

/** Rows for exercise_cases, samples first as the judge and the statement number them. */
export function caseRows(exerciseId: string, cases: ReadonlyArray<Pick<ExerciseContentCase, 'isSample' | 'input' | 'expectedOutput'>>) {
	const ordered = [...cases.filter((testCase) => testCase.isSample), ...cases.filter((testCase) => !testCase.isSample)];
	return ordered.map((testCase, position) => ({
		exerciseId,
		position,
		isSample: testCase.isSample,
		input: testCase.input,
		expectedOutput: testCase.expectedOutput
	}));
}

/** Names cases the way a folder does: sample-1, sample-2, …, hidden-1, … in position order. */
export function nameCases(cases: ReadonlyArray<Pick<ExerciseContentCase, 'isSample' | 'input' | 'expectedOutput'>>): ExerciseContentCase[] {
	let samples = 0;
	let hidden = 0;
	const ordered = [...cases.filter((testCase) => testCase.isSample), ...cases.filter((testCase) => !testCase.isSample)];
	return ordered.map((testCase) => ({
		name: testCase.isSample ? `sample-${++samples}` : `hidden-${++hidden}`,
		isSample: testCase.isSample,
		input: testCase.input,
		expectedOutput: testCase.expectedOutput
	}));
}

/** The exercise row (with its cases) in folder form; `order` falls back to 1 for an exercise without one. */
export function rowToContent(row: Exercise, cases: ReadonlyArray<Pick<ExerciseContentCase, 'isSample' | 'input' | 'expectedOutput'>>): ExerciseContent {
	const content: Omit<ExerciseContent, 'contentHash'> = {
		slug: row.slug,
		order: row.sortOrder ?? 1,
		title: { ja: row.titleJa, en: row.titleEn },
		statement: { ja: row.statementJa, en: row.statementEn },
		difficulty: row.difficulty,
		topics: row.topics as TopicId[],
		languages: row.languages,
		limits: { timeLimitMs: row.timeLimitMs, memoryLimitMb: row.memoryLimitMb, outputLimitKb: row.outputLimitKb },
		compareMode: row.compareMode,
		hints: { ja: row.hintsJa, en: row.hintsEn },
		cases: nameCases(cases),
		starter: pickLanguages(row.starter, row.languages),
		solution: pickLanguages(row.solution, row.languages),
		...(row.dnclArrayBase === 1 ? { dnclArrayBase: 1 as const } : {})
	};
	return { ...content, contentHash: hashContent(content) };
}

function pickLanguages(sources: Exercise['starter'], languages: Exercise['languages']): Exercise['starter'] {
	return Object.fromEntries(languages.filter((language) => sources[language] !== undefined).map((language) => [language, sources[language]]));
}

/** The whole stored exercise, for authors: undefined when there is no such slug. */
export async function loadStoredExercise(db: Database, slug: string): Promise<{ row: Exercise; content: ExerciseContent } | undefined> {
	const [row] = await db.select().from(exercises).where(eq(exercises.slug, slug));
	if (!row) return undefined;
	const cases = await db
		.select({ isSample: exerciseCases.isSample, input: exerciseCases.input, expectedOutput: exerciseCases.expectedOutput })
		.from(exerciseCases)
		.where(eq(exerciseCases.exerciseId, row.id))
		.orderBy(asc(exerciseCases.position));
	return { row, content: rowToContent(row, cases) };
}
