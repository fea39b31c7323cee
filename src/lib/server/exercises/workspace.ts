// An exercise as a student opens it: the statement and hints rendered for their language, the starter code, their
// drafts and where they stand. Only the columns listed here leave the server: never the reference solutions, and of
// the test cases only the samples (the statement shows them anyway; the browser checks a program against them).
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import type { CompareMode } from '../../judge/compare';
import type { Language } from '../judge';
import { exerciseCases, exercises } from '../db/schema';
import { renderInlineMarkdown, renderMarkdown } from './markdown';
import { exerciseDrafts, exerciseProgress } from './schema';
import type { TopicId } from './topics';

export interface Workspace {
	exercise: {
		id: string;
		slug: string;
		title: string;
		statementHtml: string;
		difficulty: number;
		topics: TopicId[];
		languages: Language[];
		timeLimitMs: number;
		memoryLimitMb: number;
		outputLimitKb: number;
		compareMode: CompareMode;
		/** The first index of a DNCL array (src/lib/dncl). */
		dnclArrayBase: 0 | 1;
		published: boolean;
		/** Rendered inline Markdown, gentlest first. */
		hints: string[];
	};
	starter: Partial<Record<Language, string>>;
	/** What the student last saved, per language. */
	drafts: Partial<Record<Language, string>>;
	/** The language of the most recent draft, else the exercise's first. */
	language: Language;
	solved: boolean;
	submitCount: number;
}

export async function openWorkspace(
	db: Database,
	slug: string,
	viewer: { userId: string; includeUnpublished: boolean; locale: 'ja' | 'en' }
): Promise<Workspace | undefined> {
	const english = viewer.locale === 'en';
	const [row] = await db
		.select({
			id: exercises.id,
			slug: exercises.slug,
			title: english ? exercises.titleEn : exercises.titleJa,
			statement: english ? exercises.statementEn : exercises.statementJa,
			hints: english ? exercises.hintsEn : exercises.hintsJa,
			difficulty: exercises.difficulty,
			topics: exercises.topics,
			languages: exercises.languages,
			timeLimitMs: exercises.timeLimitMs,
			memoryLimitMb: exercises.memoryLimitMb,
			outputLimitKb: exercises.outputLimitKb,
			compareMode: exercises.compareMode,
			dnclArrayBase: exercises.dnclArrayBase,
			published: exercises.published,
			starter: exercises.starter
		})
		.from(exercises)
		.where(and(eq(exercises.slug, slug), viewer.includeUnpublished ? undefined : eq(exercises.published, true)));
	if (!row) return undefined;

	const [drafts, [standing]] = await Promise.all([
		db
			.select({ language: exerciseDrafts.language, source: exerciseDrafts.source })
			.from(exerciseDrafts)
			.where(and(eq(exerciseDrafts.userId, viewer.userId), eq(exerciseDrafts.exerciseId, row.id)))
			.orderBy(desc(exerciseDrafts.updatedAt)),
		db
			.select({ submitCount: exerciseProgress.submits, solvedAt: exerciseProgress.solvedAt })
			.from(exerciseProgress)
			.where(and(eq(exerciseProgress.userId, viewer.userId), eq(exerciseProgress.exerciseId, row.id)))
	]);
	const allowedDrafts = drafts.filter((draft) => row.languages.includes(draft.language));
	const { statement, hints, starter, ...exercise } = row;
	return {
		exercise: {
			...exercise,
			topics: exercise.topics as TopicId[],
			statementHtml: renderMarkdown(statement),
			hints: hints.map(renderInlineMarkdown)
		},
		starter: Object.fromEntries(row.languages.map((language) => [language, starter[language] ?? ''])),
		drafts: Object.fromEntries(allowedDrafts.map((draft) => [draft.language, draft.source])),
		language: allowedDrafts[0]?.language ?? row.languages[0] ?? 'python',
		solved: Boolean(standing?.solvedAt),
		submitCount: standing?.submitCount ?? 0
	};
}

/** The sample cases, in order: public, shown in the statement, and checked in the browser by 入力例で試す. */
export async function listSamples(db: Database, exerciseId: string): Promise<Array<{ input: string; expectedOutput: string }>> {
	return db
		.select({ input: exerciseCases.input, expectedOutput: exerciseCases.expectedOutput })
		.from(exerciseCases)
		.where(and(eq(exerciseCases.exerciseId, exerciseId), eq(exerciseCases.isSample, true)))
		.orderBy(asc(exerciseCases.position));
}

/** Just the exercise's id and title, for pages about it (its history). */
export async function findExerciseTitle(db: Database, slug: string, viewer: { includeUnpublished: boolean; locale: 'ja' | 'en' }) {
	const [row] = await db
		.select({ id: exercises.id, slug: exercises.slug, title: viewer.locale === 'en' ? exercises.titleEn : exercises.titleJa })
		.from(exercises)
		.where(and(eq(exercises.slug, slug), viewer.includeUnpublished ? undefined : eq(exercises.published, true)));
	return row;
}
