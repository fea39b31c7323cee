// Writing exercises in the UI. The form has one flat field per value (so that a failed save echoes everything back):
// topic.<id>, language.<id>, hint.<ja|en>.<n>, starter.<language>, solution.<language>, case.<n>.input/output/sample/delete.
// An exercise may be saved incomplete; what would stop it being published is listed by `publishingProblems`.
import type { MessageKey } from '../i18n';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import { compareModes } from '../../judge/compare';
import { languages, type Language } from '../judge';
import { exerciseCases, exercises } from '../db/schema';
import { maximumHints, minimumCases, slugPattern, statementExampleProblems, type ExerciseContent } from './content';
import { caseRows, contentColumns, nameCases } from './stored';
import { topicIds, type TopicId } from './topics';
import type { Outcome } from '../outcome';

export const maxCases = 100;
const maxSourceBytes = 65_536;
const maxCaseBytes = 65_536;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const numberField = (min: number, max: number, message: string) => z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
const fieldText = (max: number, required: string, tooLong: string) => z.string().trim().min(1, required).max(max, tooLong);
/** Text that keeps its spaces and line breaks as typed (code, case files), with Windows line endings made plain. */
const verbatim = (text: string | undefined) => (text ?? '').replace(/\r\n?/g, '\n');

export interface AuthoredCase {
	isSample: boolean;
	input: string;
	expectedOutput: string;
}

export interface AuthoredExercise {
	slug: string;
	order: number;
	title: { ja: string; en: string };
	statement: { ja: string; en: string };
	difficulty: number;
	topics: TopicId[];
	languages: Language[];
	limits: { timeLimitMs: number; memoryLimitMb: number; outputLimitKb: number };
	compareMode: ExerciseContent['compareMode'];
	hints: { ja: string[]; en: string[] };
	starter: Partial<Record<Language, string>>;
	solution: Partial<Record<Language, string>>;
	/** DNCL arrays start at 1 (src/lib/dncl); absent: at 0. */
	dnclArrayBase?: 1;
	cases: AuthoredCase[];
}

export const exerciseForm = z
	.object({
		slug: z.string().trim().toLowerCase().max(60, 'author_error_slug').regex(slugPattern, 'author_error_slug'),
		titleJa: fieldText(100, 'author_error_title_required', 'author_error_text_too_long'),
		titleEn: fieldText(100, 'author_error_title_required', 'author_error_text_too_long'),
		order: numberField(1, 100_000, 'author_error_order'),
		difficulty: numberField(1, 5, 'author_error_difficulty'),
		mainTopic: z.enum(topicIds, { error: 'author_error_topic_required' }),
		timeLimitMs: numberField(100, 10_000, 'author_error_time_limit'),
		memoryLimitMb: numberField(16, 1024, 'author_error_memory_limit'),
		outputLimitKb: numberField(1, 1024, 'author_error_output_limit'),
		compare: z.enum(compareModes, { error: 'author_error_compare' }),
		statementJa: fieldText(20_000, 'author_error_statement_required', 'author_error_text_too_long'),
		statementEn: fieldText(20_000, 'author_error_statement_required', 'author_error_text_too_long')
	})
	.catchall(z.string())
	.transform((form, context): AuthoredExercise => {
		const issue = (field: string, message: string) => context.addIssue({ code: 'custom', path: [field], message });
		const extra = form as Record<string, string | undefined>;

		// DNCL first when chosen: an exercise in the exam's notation opens in it (the exam track's folders list it first).
		const chosenLanguages = languages.filter((language) => extra[`language.${language}`] === 'on').sort((a, b) => Number(b === 'dncl') - Number(a === 'dncl'));
		if (chosenLanguages.length === 0) issue('language.python', 'author_error_language_required');

		const hints: AuthoredExercise['hints'] = { ja: [], en: [] };
		for (let index = 0; index < maximumHints; index++) {
			const ja = extra[`hint.ja.${index}`]?.trim() ?? '';
			const en = extra[`hint.en.${index}`]?.trim() ?? '';
			if (!ja && !en) continue;
			if (!ja) issue(`hint.ja.${index}`, 'author_error_hint_pair');
			else if (!en) issue(`hint.en.${index}`, 'author_error_hint_pair');
			if (ja.length > 500) issue(`hint.ja.${index}`, 'author_error_text_too_long');
			if (en.length > 500) issue(`hint.en.${index}`, 'author_error_text_too_long');
			hints.ja.push(ja);
			hints.en.push(en);
		}
		if (hints.ja.length === 0) issue('hint.ja.0', 'author_error_hint_required');

		const starter: AuthoredExercise['starter'] = {};
		const solution: AuthoredExercise['solution'] = {};
		for (const language of chosenLanguages) {
			for (const [kind, target] of [
				['starter', starter],
				['solution', solution]
			] as const) {
				const source = verbatim(extra[`${kind}.${language}`]);
				if (bytes(source) > maxSourceBytes) issue(`${kind}.${language}`, 'author_error_source_too_large');
				if (source.trim()) target[language] = source;
			}
		}

		const caseNumbers = Object.keys(extra)
			.map((key) => /^case\.(\d{1,3})\.(?:input|output)$/.exec(key)?.[1])
			.filter((number): number is string => number !== undefined);
		const cases: AuthoredCase[] = [];
		for (const number of [...new Set(caseNumbers)].sort((a, b) => Number(a) - Number(b))) {
			if (extra[`case.${number}.delete`] === 'on') continue;
			const input = verbatim(extra[`case.${number}.input`]);
			const expectedOutput = verbatim(extra[`case.${number}.output`]);
			// An empty row is the form's blank slot for a new case.
			if (input === '' && expectedOutput === '') continue;
			if (bytes(input) > maxCaseBytes) issue(`case.${number}.input`, 'author_error_case_too_large');
			if (bytes(expectedOutput) > maxCaseBytes) issue(`case.${number}.output`, 'author_error_case_too_large');
			cases.push({ isSample: extra[`case.${number}.sample`] === 'on', input, expectedOutput });
		}
		if (cases.length > maxCases) issue('cases', 'author_error_too_many_cases');

		const otherTopics = topicIds.filter((topic) => topic !== form.mainTopic && extra[`topic.${topic}`] === 'on');
		return {
			slug: form.slug,
			order: form.order,
			title: { ja: form.titleJa, en: form.titleEn },
			statement: { ja: verbatim(form.statementJa).trimEnd(), en: verbatim(form.statementEn).trimEnd() },
			difficulty: form.difficulty,
			topics: [form.mainTopic, ...otherTopics],
			languages: chosenLanguages,
			limits: { timeLimitMs: form.timeLimitMs, memoryLimitMb: form.memoryLimitMb, outputLimitKb: form.outputLimitKb },
			compareMode: form.compare,
			hints,
			starter,
			solution,
			...(chosenLanguages.includes('dncl') && extra.dnclArrayBase === '1' ? { dnclArrayBase: 1 as const } : {}),
			cases
		};
	});

export interface AuthoringListEntry {
	slug: string;
	title: { ja: string; en: string };
	order: number | null;
	difficulty: number;
	published: boolean;
	source: 'content' | 'ui';
	editedInUi: boolean;
	updatedAt: Date;
}

export async function listForAuthors(db: Database): Promise<AuthoringListEntry[]> {
	const rows = await db
		.select({
			slug: exercises.slug,
			titleJa: exercises.titleJa,
			titleEn: exercises.titleEn,
			order: exercises.sortOrder,
			difficulty: exercises.difficulty,
			published: exercises.published,
			source: exercises.source,
			editedInUiAt: exercises.editedInUiAt,
			updatedAt: exercises.updatedAt
		})
		.from(exercises)
		.orderBy(sql`${exercises.sortOrder} asc nulls last`, asc(exercises.slug));
	return rows.map(({ titleJa, titleEn, editedInUiAt, ...row }) => ({ ...row, title: { ja: titleJa, en: titleEn }, editedInUi: editedInUiAt !== null }));
}

/** Order for a new exercise: after the last one. */
export async function nextOrder(db: Database): Promise<number> {
	const [row] = await db
		.select({ order: exercises.sortOrder })
		.from(exercises)
		.orderBy(sql`${exercises.sortOrder} desc nulls last`)
		.limit(1);
	return Math.floor((row?.order ?? 0) / 10) * 10 + 10;
}

function contentOf(exercise: AuthoredExercise): Omit<ExerciseContent, 'contentHash'> {
	return { ...exercise, cases: nameCases(exercise.cases) };
}

export type SaveProblem = 'author_error_slug_taken' | 'author_error_not_found';

export async function createExercise(db: Database, authorId: string, exercise: AuthoredExercise): Promise<Outcome<SaveProblem>> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(exercises)
			.values({ ...contentColumns(contentOf(exercise)), source: 'ui', published: false, createdBy: authorId, updatedBy: authorId })
			.onConflictDoNothing({ target: exercises.slug })
			.returning({ id: exercises.id });
		if (!row) return { ok: false, problem: 'author_error_slug_taken' } as const;
		if (exercise.cases.length) await tx.insert(exerciseCases).values(caseRows(row.id, exercise.cases));
		return { ok: true } as const;
	});
}

/**
 * Saves an edit (the slug never changes). A published exercise whose content changed is unpublished: students only
 * ever see exercises whose reference solutions were judged AC as they are.
 */
export async function updateExercise(
	db: Database,
	authorId: string,
	exercise: AuthoredExercise
): Promise<Outcome<SaveProblem, { changed: boolean; unpublished: boolean }>> {
	const columns = contentColumns(contentOf(exercise));
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select({ id: exercises.id, contentHash: exercises.contentHash, published: exercises.published })
			.from(exercises)
			.where(eq(exercises.slug, exercise.slug))
			.for('update');
		if (!current) return { ok: false, problem: 'author_error_not_found' } as const;
		if (current.contentHash === columns.contentHash) return { ok: true, changed: false, unpublished: false } as const;
		await tx
			.update(exercises)
			.set({ ...columns, published: false, editedInUiAt: sql`now()`, updatedAt: sql`now()`, updatedBy: authorId })
			.where(eq(exercises.id, current.id));
		await tx.delete(exerciseCases).where(eq(exerciseCases.exerciseId, current.id));
		if (exercise.cases.length) await tx.insert(exerciseCases).values(caseRows(current.id, exercise.cases));
		return { ok: true, changed: true, unpublished: current.published } as const;
	});
}

export interface PublishingProblem {
	key: MessageKey;
	params?: Record<string, string | number>;
}

/** What the folder format (content.ts) requires and this exercise lacks; empty when it could be exported and published. */
export function publishingProblems(content: ExerciseContent): PublishingProblem[] {
	const problems: PublishingProblem[] = [];
	if (content.cases.length < minimumCases) problems.push({ key: 'author_problem_min_cases', params: { count: content.cases.length, minimum: minimumCases } });
	if (!content.cases.some((testCase) => testCase.isSample)) problems.push({ key: 'author_problem_no_sample' });
	for (const language of content.languages) {
		if (!content.starter[language]?.trim()) problems.push({ key: 'author_problem_no_starter', params: { language } });
		if (!content.solution[language]?.trim()) problems.push({ key: 'author_problem_no_solution', params: { language } });
	}
	if (content.hints.ja.length === 0) problems.push({ key: 'author_problem_no_hints' });
	for (const language of ['ja', 'en'] as const) {
		for (const problem of statementExampleProblems(content.statement[language], language, content.cases)) {
			problems.push({ key: `author_problem_example_${problem.kind}`, params: { statement: language, heading: problem.heading } });
		}
	}
	return problems;
}

/** The form's values for an exercise (the same flat names the form posts). */
export function formValues(content: ExerciseContent): Record<string, string> {
	const values: Record<string, string> = {
		slug: content.slug,
		titleJa: content.title.ja,
		titleEn: content.title.en,
		order: String(content.order),
		difficulty: String(content.difficulty),
		mainTopic: content.topics[0] ?? '',
		timeLimitMs: String(content.limits.timeLimitMs),
		memoryLimitMb: String(content.limits.memoryLimitMb),
		outputLimitKb: String(content.limits.outputLimitKb),
		compare: content.compareMode,
		statementJa: content.statement.ja,
		statementEn: content.statement.en,
		dnclArrayBase: String(content.dnclArrayBase ?? 0)
	};
	for (const topic of content.topics.slice(1)) values[`topic.${topic}`] = 'on';
	for (const language of content.languages) {
		values[`language.${language}`] = 'on';
		values[`starter.${language}`] = content.starter[language] ?? '';
		values[`solution.${language}`] = content.solution[language] ?? '';
	}
	content.hints.ja.forEach((hint, index) => (values[`hint.ja.${index}`] = hint));
	content.hints.en.forEach((hint, index) => (values[`hint.en.${index}`] = hint));
	content.cases.forEach((testCase, index) => {
		values[`case.${index}.input`] = testCase.input;
		values[`case.${index}.output`] = testCase.expectedOutput;
		if (testCase.isSample) values[`case.${index}.sample`] = 'on';
	});
	return values;
}

export async function setPublished(db: Database, slug: string, published: boolean): Promise<void> {
	await db
		.update(exercises)
		.set({ published, updatedAt: sql`now()` })
		.where(eq(exercises.slug, slug));
}
