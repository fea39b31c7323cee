// An exercise is a folder of plain files (src/content/exercises/<slug>/, described in its README.md):
// read here into one checked value, and written back the same way.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { Document, parse as parseYaml, YAMLSeq } from 'yaml';
import { z } from 'zod';
import { compareModes, defaultCompareMode, type CompareMode } from '../../judge/compare';
import { languages, type Language } from '../judge';
import { defaultLimits, type RunLimits } from '../judge';
import { topicIds, type TopicId } from './topics';

export const defaultCurriculumRoot = 'src/content/exercises';

export interface Localized {
	ja: string;
	en: string;
}

export type ExerciseLimits = Pick<RunLimits, 'timeLimitMs' | 'memoryLimitMb' | 'outputLimitKb'>;

export interface ExerciseContentCase {
	/** The file name without extension: `sample-1`, `hidden-3`. */
	name: string;
	isSample: boolean;
	input: string;
	expectedOutput: string;
}

export interface ExerciseContent {
	slug: string;
	order: number;
	title: Localized;
	/** Markdown. */
	statement: Localized;
	difficulty: number;
	/** The main topic first. */
	topics: TopicId[];
	languages: Language[];
	limits: ExerciseLimits;
	compareMode: CompareMode;
	/** From a gentle nudge to nearly the answer; inline Markdown. */
	hints: { ja: string[]; en: string[] };
	/** Samples first, then hidden cases, each in number order. */
	cases: ExerciseContentCase[];
	starter: Partial<Record<Language, string>>;
	solution: Partial<Record<Language, string>>;
	/** DNCL arrays start at 1 in this exercise (as in the 2025 exam); absent: at 0, the notation's default. */
	dnclArrayBase?: 1;
	/** SHA-256 of everything above: equal hashes, same exercise. */
	contentHash: string;
}

/** A folder that is not a valid exercise; the message names the folder and the problem. */
export class ExerciseContentError extends Error {
	override name = 'ExerciseContentError';
	constructor(
		readonly folder: string,
		readonly problem: string
	) {
		super(`${folder}: ${problem}`);
	}
}

// The same rules as the exercises table (supabase/migrations/20261130010000_judge.sql).
export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const caseFilePattern = /^(sample|hidden)-([1-9][0-9]*)\.(in|out)$/;
export const sourceExtensions: Record<Language, string> = { python: 'py', javascript: 'js', dncl: 'dncl' };
export const minimumCases = 5;
export const maximumHints = 3;

const text = z.string().trim().min(1, 'must not be empty');
const hintList = z.array(text).min(1, 'needs at least 1 hint').max(maximumHints, `has more than ${maximumHints} hints`);
const distinct = (values: readonly string[]) => new Set(values).size === values.length;

const frontMatterSchema = z
	.object({
		title: z.object({ ja: text, en: text }).strict(),
		order: z.number().int().positive(),
		difficulty: z.number().int().min(1).max(5),
		topics: z
			.array(z.enum(topicIds, { error: (issue) => `unknown topic ${JSON.stringify(issue.input)} (known: ${topicIds.join(', ')})` }))
			.min(1)
			.refine(distinct, 'lists a topic twice'),
		languages: z
			.array(z.enum(languages, { error: (issue) => `unknown language ${JSON.stringify(issue.input)} (known: ${languages.join(', ')})` }))
			.min(1)
			.refine(distinct, 'lists a language twice'),
		timeLimitMs: z.number().int().min(100).max(10_000).default(defaultLimits.timeLimitMs),
		memoryLimitMb: z.number().int().min(16).max(1024).default(defaultLimits.memoryLimitMb),
		outputLimitKb: z.number().int().min(1).max(1024).default(defaultLimits.outputLimitKb),
		compare: z.enum(compareModes).default(defaultCompareMode),
		dnclArrayBase: z.union([z.literal(0), z.literal(1)]).optional(),
		hints: z
			.object({ ja: hintList, en: hintList })
			.strict()
			.refine((hints) => hints.ja.length === hints.en.length, 'ja and en must have the same number of hints')
	})
	.strict();

type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Reads and checks one exercise folder. */
export async function loadExerciseFolder(dir: string): Promise<ExerciseContent> {
	const problem = (message: string) => new ExerciseContentError(dir, message);
	const slug = basename(dir);
	if (!slugPattern.test(slug)) throw problem(`folder name "${slug}" is not a slug (lowercase letters and digits, words joined by "-")`);

	const entries = await readdir(dir, { withFileTypes: true }).catch(() => {
		throw problem('not a readable folder');
	});
	const files = new Set(entries.filter((entry) => !entry.name.startsWith('.')).map((entry) => entry.name));
	const read = async (file: string) => {
		if (!files.has(file)) throw problem(`missing ${file}`);
		return normalizeText(await readFile(join(dir, file), 'utf8'));
	};
	const readSource = async (file: string) => {
		const source = await read(file);
		if (source.trim() === '') throw problem(`${file} is empty`);
		return source;
	};

	const { frontMatter, body } = splitFrontMatter(await read('exercise.md'), problem);
	const statement = { ja: trimStatement(body), en: trimStatement(await read('statement.en.md')) };
	if (statement.ja === '') throw problem('exercise.md has no statement after its front matter');
	if (statement.en === '') throw problem('statement.en.md is empty');

	const sourceFiles = languages.flatMap((language) => ['starter', 'solution'].map((kind) => `${kind}.${sourceExtensions[language]}`));
	const knownFiles = new Set(['exercise.md', 'statement.en.md', 'cases', ...sourceFiles]);
	const unknown = [...files].filter((file) => !knownFiles.has(file));
	if (unknown.length > 0) throw problem(`unexpected ${unknown.join(', ')} (an exercise folder holds ${[...knownFiles].join(', ')})`);

	const starter: ExerciseContent['starter'] = {};
	const solution: ExerciseContent['solution'] = {};
	for (const language of languages) {
		const extension = sourceExtensions[language];
		if (!frontMatter.languages.includes(language)) {
			const stray = [`starter.${extension}`, `solution.${extension}`].filter((file) => files.has(file));
			if (stray.length > 0) throw problem(`${stray.join(' and ')} found, but ${language} is not in languages`);
			continue;
		}
		starter[language] = await readSource(`starter.${extension}`);
		solution[language] = await readSource(`solution.${extension}`);
	}

	if (!files.has('cases')) throw problem('missing cases/');
	const cases = await readCases(join(dir, 'cases'), problem);
	checkStatementExamples(statement.ja, 'exercise.md', 'ja', cases, problem);
	checkStatementExamples(statement.en, 'statement.en.md', 'en', cases, problem);

	const content: Omit<ExerciseContent, 'contentHash'> = {
		slug,
		order: frontMatter.order,
		title: frontMatter.title,
		statement,
		difficulty: frontMatter.difficulty,
		topics: frontMatter.topics,
		languages: frontMatter.languages,
		limits: { timeLimitMs: frontMatter.timeLimitMs, memoryLimitMb: frontMatter.memoryLimitMb, outputLimitKb: frontMatter.outputLimitKb },
		compareMode: frontMatter.compare,
		hints: frontMatter.hints,
		cases,
		starter,
		solution,
		...(frontMatter.dnclArrayBase === 1 ? { dnclArrayBase: 1 as const } : {})
	};
	return { ...content, contentHash: hashContent(content) };
}

/** Every exercise folder under `root`, in curriculum order. Files at the top level (a README) are not exercises. */
export async function loadCurriculum(root = defaultCurriculumRoot): Promise<ExerciseContent[]> {
	const entries = await readdir(root, { withFileTypes: true });
	const folders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => join(root, entry.name));
	const curriculum = (await Promise.all(folders.map(loadExerciseFolder))).sort((a, b) => a.order - b.order);
	for (const [index, exercise] of curriculum.entries()) {
		const previous = curriculum[index - 1];
		if (previous && previous.order === exercise.order) {
			throw new ExerciseContentError(join(root, exercise.slug), `order ${exercise.order} is also the order of ${previous.slug}`);
		}
	}
	return curriculum;
}

/** The files of an exercise folder (relative path → text): what `loadExerciseFolder` reads back as `content`. */
export function exerciseToFolder(content: ExerciseContent): Record<string, string> {
	const frontMatter: Record<string, unknown> = {
		title: content.title,
		order: content.order,
		difficulty: content.difficulty,
		topics: content.topics,
		languages: content.languages
	};
	// Defaults are left out, as a person writing the folder by hand would.
	if (content.limits.timeLimitMs !== defaultLimits.timeLimitMs) frontMatter.timeLimitMs = content.limits.timeLimitMs;
	if (content.limits.memoryLimitMb !== defaultLimits.memoryLimitMb) frontMatter.memoryLimitMb = content.limits.memoryLimitMb;
	if (content.limits.outputLimitKb !== defaultLimits.outputLimitKb) frontMatter.outputLimitKb = content.limits.outputLimitKb;
	if (content.compareMode !== defaultCompareMode) frontMatter.compare = content.compareMode;
	if (content.dnclArrayBase === 1) frontMatter.dnclArrayBase = 1;
	frontMatter.hints = content.hints;

	const yaml = new Document(frontMatter);
	for (const key of ['topics', 'languages']) {
		const list = yaml.get(key, true);
		if (list instanceof YAMLSeq) list.flow = true;
	}
	const files: Record<string, string> = {
		'exercise.md': `---\n${yaml.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n\n${content.statement.ja}\n`,
		'statement.en.md': `${content.statement.en}\n`
	};
	for (const testCase of content.cases) {
		files[`cases/${testCase.name}.in`] = testCase.input;
		files[`cases/${testCase.name}.out`] = testCase.expectedOutput;
	}
	for (const language of content.languages) {
		const extension = sourceExtensions[language];
		files[`starter.${extension}`] = content.starter[language] ?? '';
		files[`solution.${extension}`] = content.solution[language] ?? '';
	}
	return files;
}

type Problem = (message: string) => ExerciseContentError;

/** Files written on Windows or by some editors: CRLF and a byte-order mark are not part of the content. */
function normalizeText(text: string): string {
	return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function trimStatement(markdown: string): string {
	return markdown.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

function splitFrontMatter(file: string, problem: Problem): { frontMatter: FrontMatter; body: string } {
	const match = /^---\n([\s\S]*?\n)?---(?:\n|$)([\s\S]*)$/.exec(file);
	if (!match) throw problem('exercise.md must start with front matter between two "---" lines');
	let data: unknown;
	try {
		data = parseYaml(match[1] ?? '');
	} catch (error) {
		throw problem(`exercise.md front matter is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
	}
	const parsed = frontMatterSchema.safeParse(data ?? {});
	if (!parsed.success) {
		const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`);
		throw problem(`exercise.md front matter: ${issues.join('; ')}`);
	}
	return { frontMatter: parsed.data, body: match[2] ?? '' };
}

async function readCases(dir: string, problem: Problem): Promise<ExerciseContentCase[]> {
	const entries = await readdir(dir).catch(() => {
		throw problem('cases is not a folder');
	});
	const names = entries.filter((name) => !name.startsWith('.'));
	const found = new Map<string, { isSample: boolean; number: number; extensions: Set<string> }>();
	for (const file of names) {
		const match = caseFilePattern.exec(file);
		if (!match) throw problem(`unexpected cases/${file} (case files are sample-N.in/.out and hidden-N.in/.out)`);
		const [, kind, number, extension] = match;
		const name = `${kind}-${number}`;
		const entry = found.get(name) ?? { isSample: kind === 'sample', number: Number(number), extensions: new Set<string>() };
		entry.extensions.add(extension ?? '');
		found.set(name, entry);
	}
	for (const [name, { extensions }] of found) {
		if (!extensions.has('out')) throw problem(`cases/${name}.in has no cases/${name}.out`);
		if (!extensions.has('in')) throw problem(`cases/${name}.out has no cases/${name}.in`);
	}
	const ordered = [...found].sort(([, a], [, b]) => Number(b.isSample) - Number(a.isSample) || a.number - b.number);
	const cases = await Promise.all(
		ordered.map(async ([name, { isSample }]) => ({
			name,
			isSample,
			input: normalizeText(await readFile(join(dir, `${name}.in`), 'utf8')),
			expectedOutput: normalizeText(await readFile(join(dir, `${name}.out`), 'utf8'))
		}))
	);
	if (cases.length < minimumCases) throw problem(`has ${cases.length} test cases in cases/, at least ${minimumCases} are needed`);
	if (!cases.some((testCase) => testCase.isSample)) throw problem('has no sample case (cases/sample-1.in and .out)');
	return cases;
}

export const exampleHeadings = {
	ja: { input: '入力例', output: '出力例' },
	en: { input: 'Sample Input', output: 'Sample Output' }
};

const markdown = new MarkdownIt();

/** What is wrong with the examples a statement shows: `heading` is the heading's text, `caseName` the sample's. */
export type StatementExampleProblem =
	| { kind: 'missing'; heading: string; caseName: string; extension: 'in' | 'out' }
	| { kind: 'differs'; heading: string; caseName: string; extension: 'in' | 'out' }
	| { kind: 'extra'; heading: string };

/**
 * The statement shows each sample under "## 入力例 N" / "## 出力例 N" (English: "Sample Input N" / "Sample Output N"),
 * N being the number of cases/sample-N: students read the statement, the judge reads the files, and they must agree.
 * A sample without input shows only its output. The authoring pages apply the same rule to an exercise edited there.
 */
export function statementExampleProblems(
	statement: string,
	language: keyof typeof exampleHeadings,
	cases: ReadonlyArray<Pick<ExerciseContentCase, 'name' | 'isSample' | 'input' | 'expectedOutput'>>
): StatementExampleProblem[] {
	const headings = exampleHeadings[language];
	const shown = codeBlocksUnderHeadings(statement);
	const expected = new Map<string, { text: string; caseName: string; extension: 'in' | 'out' }>();
	for (const sample of cases.filter((testCase) => testCase.isSample)) {
		const number = sample.name.slice('sample-'.length);
		if (sample.input !== '') expected.set(`${headings.input} ${number}`, { text: sample.input, caseName: sample.name, extension: 'in' });
		expected.set(`${headings.output} ${number}`, { text: sample.expectedOutput, caseName: sample.name, extension: 'out' });
	}
	const problems: StatementExampleProblem[] = [];
	for (const [heading, { text, caseName, extension }] of expected) {
		const block = shown.get(heading);
		if (block === undefined) problems.push({ kind: 'missing', heading, caseName, extension });
		else if (block.trimEnd() !== text.trimEnd()) problems.push({ kind: 'differs', heading, caseName, extension });
	}
	const examplePattern = new RegExp(`^(?:${headings.input}|${headings.output}) [0-9]+$`);
	for (const heading of shown.keys()) {
		if (examplePattern.test(heading) && !expected.has(heading)) problems.push({ kind: 'extra', heading });
	}
	return problems;
}

function checkStatementExamples(statement: string, file: string, language: keyof typeof exampleHeadings, cases: ExerciseContentCase[], problem: Problem): void {
	const [first] = statementExampleProblems(statement, language, cases);
	if (!first) return;
	if (first.kind === 'missing') throw problem(`${file} has no "## ${first.heading}" with a code block showing cases/${first.caseName}.${first.extension}`);
	if (first.kind === 'differs') throw problem(`${file}: the code block under "## ${first.heading}" differs from cases/${first.caseName}.${first.extension}`);
	throw problem(`${file}: "## ${first.heading}" has no matching sample case in cases/`);
}

/** Heading text → the first fenced code block after it. */
function codeBlocksUnderHeadings(statement: string): Map<string, string> {
	const blocks = new Map<string, string>();
	const tokens = markdown.parse(statement, {});
	let heading: string | undefined;
	for (const [index, token] of tokens.entries()) {
		if (token.type === 'heading_open') heading = tokens[index + 1]?.content.trim();
		else if (token.type === 'fence' && heading !== undefined && !blocks.has(heading)) blocks.set(heading, token.content);
	}
	return blocks;
}

/** SHA-256 of an exercise's content: the importer and the authoring pages compare exercises by it. */
export function hashContent(content: Omit<ExerciseContent, 'contentHash'>): string {
	return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** JSON with object keys sorted, so that the same content always gives the same text. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value)
			.filter(([, item]) => item !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}
