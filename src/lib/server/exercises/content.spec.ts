// The exercise folder format and the curriculum's shape (judging it in the sandbox is curriculum.judged.spec.ts).
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exerciseToFolder, loadCurriculum, loadExerciseFolder, type ExerciseContent } from './content';
import { topicById, topics } from './topics';

const temporaryFolders: string[] = [];
afterAll(() => Promise.all(temporaryFolders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function temporaryFolder(): Promise<string> {
	const folder = await mkdtemp(join(tmpdir(), 'exercises-'));
	temporaryFolders.push(folder);
	return folder;
}

async function writeFolder(dir: string, files: Record<string, string>): Promise<string> {
	for (const [path, text] of Object.entries(files)) {
		await mkdir(dirname(join(dir, path)), { recursive: true });
		await writeFile(join(dir, path), text);
	}
	return dir;
}

/** The files of a small valid exercise, "print A + B", as a coordinator would write them. */
function sumExerciseFiles(options: { order?: number } = {}): Record<string, string> {
	const sum = (a: number, b: number) => ({ input: `${a} ${b}\n`, output: `${a + b}\n` });
	const samples = [sum(1, 2), sum(10, 20)];
	const hidden = Array.from({ length: 10 }, (_, index) => sum(index, -3 * index));
	const example = (input: string, output: string, number: number, [inputHeading, outputHeading]: [string, string]) =>
		`## ${inputHeading} ${number}\n\n\`\`\`\n${input}\`\`\`\n\n## ${outputHeading} ${number}\n\n\`\`\`\n${output}\`\`\`\n`;
	const examples = (headings: [string, string]) => samples.map((testCase, index) => example(testCase.input, testCase.output, index + 1, headings)).join('\n');
	const files: Record<string, string> = {
		'exercise.md': `---
title:
  ja: 足し算
  en: Sum
order: ${options.order ?? 10}
difficulty: 2
topics: [arithmetic, io]
languages: [python, javascript]
hints:
  ja: [足しましょう。, "\`print(a + b)\`"]
  en: [Add them., "\`print(a + b)\`"]
---

## 問題

A + B を出力してください。

${examples(['入力例', '出力例'])}`,
		'statement.en.md': `## Problem\n\nPrint A + B.\n\n${examples(['Sample Input', 'Sample Output'])}`,
		'starter.py': 'a, b = map(int, input().split())\n# 足し算しよう\nprint(0)\n',
		'solution.py': 'a, b = map(int, input().split())\nprint(a + b)\n',
		'starter.js': 'console.log(0);\n',
		'solution.js': "const [a, b] = require('fs').readFileSync(0, 'utf8').split(' ').map(Number);\nconsole.log(a + b);\n"
	};
	samples.forEach((testCase, index) => {
		files[`cases/sample-${index + 1}.in`] = testCase.input;
		files[`cases/sample-${index + 1}.out`] = testCase.output;
	});
	hidden.forEach((testCase, index) => {
		files[`cases/hidden-${index + 1}.in`] = testCase.input;
		files[`cases/hidden-${index + 1}.out`] = testCase.output;
	});
	return files;
}

async function writeSumExercise(change: (files: Record<string, string>) => void = () => {}, slug = 'sum-two'): Promise<string> {
	const files = sumExerciseFiles();
	change(files);
	return writeFolder(join(await temporaryFolder(), slug), files);
}

const editFrontMatter = (files: Record<string, string>, from: string | RegExp, to: string) => {
	files['exercise.md'] = (files['exercise.md'] ?? '').replace(from, to);
};

describe('loadExerciseFolder', () => {
	it('reads a folder: front matter, both statements, defaults, cases in order, sources, a hash', async () => {
		const exercise = await loadExerciseFolder(await writeSumExercise());
		expect(exercise).toMatchObject({
			slug: 'sum-two',
			order: 10,
			title: { ja: '足し算', en: 'Sum' },
			difficulty: 2,
			topics: ['arithmetic', 'io'],
			languages: ['python', 'javascript'],
			limits: { timeLimitMs: 2000, memoryLimitMb: 256, outputLimitKb: 64 },
			compareMode: 'lines',
			hints: { ja: ['足しましょう。', '`print(a + b)`'], en: ['Add them.', '`print(a + b)`'] },
			solution: { python: 'a, b = map(int, input().split())\nprint(a + b)\n' }
		});
		expect(exercise.statement.ja).toMatch(/^## 問題\n\nA \+ B を出力してください。/);
		expect(exercise.statement.en).toMatch(/^## Problem\n/);
		expect(exercise.cases.map((testCase) => testCase.name)).toEqual([
			'sample-1',
			'sample-2',
			...Array.from({ length: 10 }, (_, index) => `hidden-${index + 1}`)
		]);
		expect(exercise.cases[0]).toEqual({ name: 'sample-1', isSample: true, input: '1 2\n', expectedOutput: '3\n' });
		expect(exercise.contentHash).toMatch(/^[0-9a-f]{64}$/);
	});

	it('takes limits and the compare mode from the front matter', async () => {
		const dir = await writeSumExercise((files) =>
			editFrontMatter(files, 'difficulty: 2\n', 'difficulty: 2\ntimeLimitMs: 3000\nmemoryLimitMb: 128\noutputLimitKb: 8\ncompare: float\n')
		);
		expect(await loadExerciseFolder(dir)).toMatchObject({
			limits: { timeLimitMs: 3000, memoryLimitMb: 128, outputLimitKb: 8 },
			compareMode: 'float'
		});
	});

	it('normalises Windows line endings and a byte-order mark: same content, same hash', async () => {
		const plain = await loadExerciseFolder(await writeSumExercise());
		const windows = await loadExerciseFolder(
			await writeSumExercise((files) => {
				for (const path of Object.keys(files)) files[path] = (files[path] ?? '').replaceAll('\n', '\r\n');
				files['exercise.md'] = `\uFEFF${files['exercise.md']}`;
			})
		);
		expect(windows).toEqual(plain);
	});

	it('gives a different hash when anything changes, even a blank line at the end of a hidden case', async () => {
		const plain = await loadExerciseFolder(await writeSumExercise());
		const changed = await loadExerciseFolder(await writeSumExercise((files) => (files['cases/hidden-7.out'] += '\n')));
		expect(changed.contentHash).not.toBe(plain.contentHash);
	});

	const renameCase = (files: Record<string, string>, from: string, to: string) => {
		for (const extension of ['in', 'out']) {
			files[`cases/${to}.${extension}`] = files[`cases/${from}.${extension}`] ?? '';
			delete files[`cases/${from}.${extension}`];
		}
	};

	const broken: Array<{ problem: string; change: (files: Record<string, string>) => void; error: RegExp }> = [
		{ problem: 'a missing file', change: (files) => delete files['statement.en.md'], error: /sum-two: missing statement\.en\.md/ },
		{
			problem: 'no front matter',
			change: (files) => editFrontMatter(files, /^---\n[\s\S]*?\n---\n/, ''),
			error: /must start with front matter/
		},
		{ problem: 'front matter that is not YAML', change: (files) => editFrontMatter(files, 'order: 10', 'order: [10'), error: /not valid YAML/ },
		{
			problem: 'an unknown topic',
			change: (files) => editFrontMatter(files, '[arithmetic, io]', '[arithmetic, cooking]'),
			error: /topics\.1: unknown topic "cooking"/
		},
		{ problem: 'a difficulty out of range', change: (files) => editFrontMatter(files, 'difficulty: 2', 'difficulty: 6'), error: /difficulty: .*5/ },
		{ problem: 'an unknown front matter key', change: (files) => editFrontMatter(files, 'order: 10', 'order: 10\nlevel: 3'), error: /level/ },
		{ problem: 'a missing title', change: (files) => editFrontMatter(files, '  en: Sum\n', ''), error: /title\.en/ },
		{
			problem: 'more than 3 hints',
			change: (files) => editFrontMatter(files, '[Add them., "`print(a + b)`"]', '[a, b, c, d]'),
			error: /hints\.en: has more than 3 hints/
		},
		{
			problem: 'hints missing in one language',
			change: (files) => editFrontMatter(files, '[Add them., "`print(a + b)`"]', '[Add them.]'),
			error: /same number of hints/
		},
		{
			problem: 'fewer than 5 cases',
			change: (files) => {
				for (let number = 3; number <= 10; number++) {
					delete files[`cases/hidden-${number}.in`];
					delete files[`cases/hidden-${number}.out`];
				}
			},
			error: /has 4 test cases in cases\/, at least 5/
		},
		{
			problem: 'no sample',
			change: (files) => {
				renameCase(files, 'sample-1', 'hidden-11');
				renameCase(files, 'sample-2', 'hidden-12');
			},
			error: /no sample case/
		},
		{
			problem: 'an input without its output',
			change: (files) => delete files['cases/hidden-3.out'],
			error: /cases\/hidden-3\.in has no cases\/hidden-3\.out/
		},
		{
			problem: 'an output without its input',
			change: (files) => delete files['cases/hidden-3.in'],
			error: /cases\/hidden-3\.out has no cases\/hidden-3\.in/
		},
		{ problem: 'a case file with another name', change: (files) => (files['cases/extra.txt'] = ''), error: /unexpected cases\/extra\.txt/ },
		{ problem: 'a listed language without starter code', change: (files) => delete files['starter.js'], error: /missing starter\.js/ },
		{ problem: 'a listed language without a solution', change: (files) => delete files['solution.py'], error: /missing solution\.py/ },
		{ problem: 'an empty solution', change: (files) => (files['solution.js'] = '\n'), error: /solution\.js is empty/ },
		{
			problem: 'sources for a language that is not listed',
			change: (files) => editFrontMatter(files, '[python, javascript]', '[python]'),
			error: /starter\.js and solution\.js found, but javascript is not in languages/
		},
		{ problem: 'an unexpected file', change: (files) => (files['statment.en.md'] = 'typo'), error: /unexpected statment\.en\.md/ },
		{
			problem: 'a statement sample that differs from its case',
			change: (files) => (files['cases/sample-1.out'] = '4\n'),
			error: /exercise\.md: the code block under "## 出力例 1" differs from cases\/sample-1\.out/
		},
		{
			problem: 'a sample missing from the English statement',
			change: (files) => (files['statement.en.md'] = '## Problem\n\nPrint A + B.\n'),
			error: /statement\.en\.md has no "## Sample Input 1"/
		},
		{
			problem: 'a statement example without its sample case',
			change: (files) => (files['statement.en.md'] += '\n## Sample Input 3\n\n```\n5 5\n```\n'),
			error: /"## Sample Input 3" has no matching sample case/
		}
	];

	it.each(broken)('refuses $problem, naming the folder and the problem', async ({ change, error }) => {
		const dir = await writeSumExercise(change);
		await expect(loadExerciseFolder(dir)).rejects.toThrow(error);
		await expect(loadExerciseFolder(dir)).rejects.toThrow(dir);
	});

	it('refuses cases that are not a folder, or missing', async () => {
		const dir = await writeSumExercise();
		await rm(join(dir, 'cases'), { recursive: true });
		await writeFile(join(dir, 'cases'), '');
		await expect(loadExerciseFolder(dir)).rejects.toThrow(/sum-two: cases is not a folder/);
		await rm(join(dir, 'cases'));
		await expect(loadExerciseFolder(dir)).rejects.toThrow(/sum-two: missing cases\//);
	});

	it('refuses a folder name that is not a slug', async () => {
		await expect(loadExerciseFolder(await writeSumExercise(undefined, 'Sum_Two'))).rejects.toThrow(/Sum_Two: folder name "Sum_Two" is not a slug/);
	});
});

describe('loadCurriculum', () => {
	it('loads every folder in order and ignores files beside them', async () => {
		const root = await temporaryFolder();
		await writeFolder(join(root, 'second'), sumExerciseFiles({ order: 20 }));
		await writeFolder(join(root, 'first'), sumExerciseFiles({ order: 10 }));
		await writeFile(join(root, 'README.md'), '# Exercises\n');
		expect((await loadCurriculum(root)).map((exercise) => exercise.slug)).toEqual(['first', 'second']);
	});

	it('refuses two exercises with the same order', async () => {
		const root = await temporaryFolder();
		await writeFolder(join(root, 'one'), sumExerciseFiles({ order: 10 }));
		await writeFolder(join(root, 'two'), sumExerciseFiles({ order: 10 }));
		await expect(loadCurriculum(root)).rejects.toThrow(/order 10 is also the order of (one|two)/);
	});
});

describe('exerciseToFolder', () => {
	async function roundTrip(exercise: ExerciseContent): Promise<ExerciseContent> {
		const dir = await writeFolder(join(await temporaryFolder(), exercise.slug), exerciseToFolder(exercise));
		return loadExerciseFolder(dir);
	}

	it('writes what loadExerciseFolder reads back, non-default limits included', async () => {
		const dir = await writeSumExercise((files) => editFrontMatter(files, 'difficulty: 2\n', 'difficulty: 2\ntimeLimitMs: 500\ncompare: exact\n'));
		const exercise = await loadExerciseFolder(dir);
		expect(await roundTrip(exercise)).toEqual(exercise);
		expect(Object.keys(exerciseToFolder(exercise)).sort()).toEqual((await listFiles(dir)).sort());
	});

	it('round-trips every exercise of the curriculum', async () => {
		for (const exercise of await loadCurriculum()) {
			expect(await roundTrip(exercise)).toEqual(exercise);
		}
	});

	async function listFiles(dir: string): Promise<string[]> {
		const cases = (await readdir(join(dir, 'cases'))).map((file) => `cases/${file}`);
		return [...(await readdir(dir)).filter((file) => file !== 'cases'), ...cases];
	}
});

const curriculum = await loadCurriculum();

describe('the curriculum', () => {
	it('has at least 30 exercises with distinct orders, slugs and titles', () => {
		expect(curriculum.length).toBeGreaterThanOrEqual(30);
		for (const key of ['order', 'slug'] as const) expect(new Set(curriculum.map((exercise) => exercise[key])).size).toBe(curriculum.length);
		for (const language of ['ja', 'en'] as const) {
			expect(new Set(curriculum.map((exercise) => exercise.title[language])).size).toBe(curriculum.length);
		}
	});

	// The exam track (main topic exam: the 情報I exam's notation, DNCL) comes after the Python track and starts again
	// from the beginning, for students who meet the notation for the first time.
	const examTrack = curriculum.filter((exercise) => exercise.topics[0] === 'exam');
	const mainTrack = curriculum.filter((exercise) => exercise.topics[0] !== 'exam');

	it.each([
		['the main track', mainTrack, 4],
		['the exam track', examTrack, 3]
	] as const)('%s starts at difficulty 1 and rises gently: never more than +2, never down more than 1 at a time', (_, track, lastAtLeast) => {
		expect(track[0]?.difficulty).toBe(1);
		const steps = track.slice(1).map((exercise, index) => ({
			slug: exercise.slug,
			step: exercise.difficulty - (track[index]?.difficulty ?? 0)
		}));
		expect(steps.filter(({ step }) => step > 2 || step < -1)).toEqual([]);
		expect(track.at(-1)?.difficulty).toBeGreaterThanOrEqual(lastAtLeast);
	});

	it('has at least 15 exercises in the exam track, each in DNCL and Python', () => {
		expect(examTrack.length).toBeGreaterThanOrEqual(15);
		for (const exercise of examTrack) expect(exercise.languages, exercise.slug).toEqual(['dncl', 'python']);
		expect(examTrack.some((exercise) => exercise.dnclArrayBase === 1)).toBe(true);
	});

	it('follows the topics of 情報I in order, by main topic, and uses every topic', () => {
		const mainTopicOrders = curriculum.map((exercise) => topicById(exercise.topics[0] ?? 'io').order);
		expect(mainTopicOrders).toEqual([...mainTopicOrders].sort((a, b) => a - b));
		const used = new Set(curriculum.flatMap((exercise) => exercise.topics));
		expect(topics.filter((topic) => !used.has(topic.id)).map((topic) => topic.id)).toEqual([]);
	});

	it('offers every exercise in two languages, with the usual statement sections', () => {
		for (const exercise of curriculum) {
			expect(exercise.languages, exercise.slug).toEqual(exercise.topics[0] === 'exam' ? ['dncl', 'python'] : ['python', 'javascript']);
			for (const heading of ['## 問題', '## 入力', '## 出力']) expect(exercise.statement.ja, exercise.slug).toContain(heading);
			for (const heading of ['## Problem', '## Input', '## Output']) expect(exercise.statement.en, exercise.slug).toContain(heading);
		}
	});

	it('compares decimals with a tolerance somewhere', () => {
		expect(curriculum.filter((exercise) => exercise.compareMode === 'float').length).toBeGreaterThanOrEqual(1);
	});
});
