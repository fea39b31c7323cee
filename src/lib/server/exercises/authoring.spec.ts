// Authoring: the form, saving, what blocks publishing, verification through the real judge, export, authors.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { startWorkers, type WorkerPool } from '../judge/worker';
import { submissions } from '../judge/schema';
import { exercises } from '../db/schema';
import { createUser } from '../testing/factories';
import { createExercise, exerciseForm, formValues, publishingProblems, updateExercise, type AuthoredExercise } from './authoring';
import { isAuthor, listMentorAuthors, setAuthor } from './authors';
import { loadExerciseFolder } from './content';
import { exportExercise } from './export';
import { loadStoredExercise } from './stored';
import { curriculumExercises } from './testing';
import { publishExercise, requestVerification, verificationStatus } from './verification';

const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The flat form of a curriculum exercise under another slug, as the edit page would post it. */
async function formFor(slug: string, newSlug: string, change: (values: Record<string, string>) => void = () => {}) {
	const [content] = await curriculumExercises(slug);
	if (!content) throw new Error(`no folder ${slug}`);
	const values = { ...formValues(content), slug: newSlug };
	change(values);
	return values;
}

function parse(values: Record<string, string>): AuthoredExercise {
	const parsed = exerciseForm.safeParse(values);
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
}

describe('the exercise form', () => {
	it('reads the flat fields into an exercise: topics main first, languages, hints in pairs, cases without blank rows', async () => {
		const values = await formFor('bus-fare', 'bus-fare-copy', (form) => {
			form['case.90.input'] = '';
			form['case.90.output'] = '';
			form['case.1.delete'] = 'on';
			form['starter.python'] = 'print(0)\r\n';
		});
		const exercise = parse(values);
		const [busFare] = await curriculumExercises('bus-fare');
		expect(exercise).toMatchObject({
			slug: 'bus-fare-copy',
			topics: ['functions', 'conditionals'],
			languages: ['python', 'javascript'],
			hints: busFare?.hints
		});
		expect(exercise.cases).toHaveLength((busFare?.cases.length ?? 0) - 1);
		expect(exercise.starter.python).toBe('print(0)\n');
	});

	it('names the field of each problem, as the form shows it', () => {
		const problems = (values: Record<string, string>) => {
			const parsed = exerciseForm.safeParse(values);
			return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
		};
		const minimal = {
			slug: 'Not A Slug',
			titleJa: '',
			titleEn: 'x',
			order: '0',
			difficulty: '6',
			mainTopic: 'cooking',
			timeLimitMs: '2000',
			memoryLimitMb: '256',
			outputLimitKb: '64',
			compare: 'lines',
			statementJa: 's',
			statementEn: 's'
		};
		expect(problems(minimal)).toMatchObject({
			slug: 'author_error_slug',
			titleJa: 'author_error_title_required',
			order: 'author_error_order',
			difficulty: 'author_error_difficulty',
			mainTopic: 'author_error_topic_required'
		});
		const fixed = { ...minimal, slug: 'ok', titleJa: 'x', order: '10', difficulty: '1', mainTopic: 'io' };
		expect(problems({ ...fixed, 'hint.ja.1': 'ひとつめ' })).toEqual({
			'language.python': 'author_error_language_required',
			'hint.en.1': 'author_error_hint_pair'
		});
		expect(problems({ ...fixed, 'language.python': 'on' })).toEqual({ 'hint.ja.0': 'author_error_hint_required' });
	});
});

describeEachDatabase('authoring exercises', (connection) => {
	const db = () => connection().db;
	let workers: WorkerPool | undefined;
	afterAll(() => workers?.stop());

	async function judged(submissionIds: string[]) {
		workers ??= await startWorkers(db(), { production: true, concurrency: 2, pollIntervalMs: 50 });
		for (let attempt = 0; attempt < 300; attempt++) {
			const rows = await Promise.all(submissionIds.map(async (id) => (await db().select().from(submissions).where(eq(submissions.id, id)))[0]));
			if (rows.every((row) => row?.status === 'done' || row?.status === 'failed')) return rows.map((row) => row?.verdict);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error('judging did not finish');
	}

	it('creates an exercise unpublished, refuses a slug in use, and lists what blocks publishing', async () => {
		const author = await createUser(db(), { roles: ['coordinator'] });
		const exercise = parse(await formFor('even-or-odd', 'even-or-odd-ui'));
		expect(await createExercise(db(), author.id, exercise)).toEqual({ ok: true });
		expect(await createExercise(db(), author.id, exercise)).toEqual({ ok: false, problem: 'author_error_slug_taken' });
		const stored = await loadStoredExercise(db(), 'even-or-odd-ui');
		expect(stored?.row).toMatchObject({ published: false, source: 'ui', createdBy: author.id });
		expect(publishingProblems(stored!.content)).toEqual([]);

		const incomplete = { ...exercise, cases: exercise.cases.slice(0, 2).map((testCase) => ({ ...testCase, isSample: false })), solution: {} };
		const keys = publishingProblems({
			...stored!.content,
			...incomplete,
			cases: incomplete.cases.map((testCase, index) => ({ ...testCase, name: `hidden-${index + 1}` }))
		}).map((problem) => problem.key);
		expect(new Set(keys)).toEqual(
			new Set(['author_problem_min_cases', 'author_problem_no_sample', 'author_problem_no_solution', 'author_problem_example_extra'])
		);
	});

	it('publishes only after the reference solutions are judged AC as the exercise is now', async () => {
		const author = await createUser(db(), { roles: ['coordinator'] });
		const good = parse(await formFor('hello-name', 'hello-name-ui'));
		await createExercise(db(), author.id, good);
		const [row] = await db().select().from(exercises).where(eq(exercises.slug, 'hello-name-ui'));
		expect(await publishExercise(db(), 'hello-name-ui')).toMatchObject({ ok: false, problems: [], unverified: ['python', 'javascript'] });

		const verification = await requestVerification(db(), 'hello-name-ui', author.id);
		if (!verification.ok) throw new Error(verification.problem);
		expect((await verificationStatus(db(), row!.id)).map((entry) => entry.state)).toEqual(['pending', 'pending']);
		expect(await publishExercise(db(), 'hello-name-ui')).toMatchObject({ ok: false, unverified: ['python', 'javascript'] });
		expect(await judged(verification.submissionIds)).toEqual(['AC', 'AC']);
		expect(await publishExercise(db(), 'hello-name-ui')).toEqual({ ok: true });

		// An edit makes the verification stale and takes the exercise off the catalog until verified again.
		const edited = { ...good, solution: { ...good.solution, python: 'name = input()\nprint("Hello, " + name)\n' } };
		expect(await updateExercise(db(), author.id, edited)).toEqual({ ok: true, changed: true, unpublished: true });
		expect((await verificationStatus(db(), row!.id)).map((entry) => entry.state)).toEqual(['stale', 'stale']);
		const again = await requestVerification(db(), 'hello-name-ui', author.id);
		if (!again.ok) throw new Error(again.problem);
		expect(await judged(again.submissionIds)).toEqual(['WA', 'AC']);
		expect(await publishExercise(db(), 'hello-name-ui')).toMatchObject({ ok: false, unverified: ['python'] });
		expect((await db().select().from(exercises).where(eq(exercises.slug, 'hello-name-ui')))[0]).toMatchObject({
			published: false,
			editedInUiAt: expect.any(Date)
		});
		expect(await updateExercise(db(), author.id, edited)).toEqual({ ok: true, changed: false, unpublished: false });
	});

	it('authors a DNCL exercise with 1-based arrays: the choice survives the form, the database and the folder, and Verify judges with it', async () => {
		const author = await createUser(db(), { roles: ['coordinator'] });
		const values = await formFor('dncl-max-position-one-based', 'dncl-max-ui');
		expect(values).toMatchObject({ 'language.dncl': 'on', dnclArrayBase: '1' });
		const exercise = parse(values);
		expect(exercise).toMatchObject({ languages: ['dncl', 'python'], dnclArrayBase: 1 });
		expect(parse({ ...values, dnclArrayBase: '0' }).dnclArrayBase).toBeUndefined();
		expect(parse({ ...values, dnclArrayBase: '1; drop table exercises' }).dnclArrayBase).toBeUndefined();
		await createExercise(db(), author.id, exercise);
		const stored = await loadStoredExercise(db(), 'dncl-max-ui');
		expect(stored?.row.dnclArrayBase).toBe(1);
		expect(stored?.content.dnclArrayBase).toBe(1);

		const verification = await requestVerification(db(), 'dncl-max-ui', author.id);
		if (!verification.ok) throw new Error(verification.problem);
		expect(await judged(verification.submissionIds)).toEqual(['AC', 'AC']);
		// The same DNCL solution counting from 0 reads past the end of its array.
		await updateExercise(db(), author.id, { ...exercise, dnclArrayBase: undefined });
		const zeroBased = await requestVerification(db(), 'dncl-max-ui', author.id);
		if (!zeroBased.ok) throw new Error(zeroBased.problem);
		expect(await judged(zeroBased.submissionIds)).toEqual(['RE', 'AC']);
	});

	it('exports an exercise as a ZIP of its folder that the loader reads back unchanged', async () => {
		const author = await createUser(db(), { roles: ['coordinator'] });
		await createExercise(db(), author.id, parse(await formFor('palindrome', 'palindrome-ui')));
		const exported = await exportExercise(db(), 'palindrome-ui');
		expect(exported?.fileName).toBe('palindrome-ui.zip');
		const dir = await mkdtemp(join(tmpdir(), 'export-'));
		temporary.push(dir);
		await writeFile(join(dir, 'export.zip'), exported!.zip);
		const unzip = spawnSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', join(dir, 'export.zip'), dir], {
			encoding: 'utf8'
		});
		expect(unzip.stderr).toBe('');
		expect(await loadExerciseFolder(join(dir, 'palindrome-ui'))).toEqual((await loadStoredExercise(db(), 'palindrome-ui'))?.content);
		expect(await exportExercise(db(), 'no-such-exercise')).toBeUndefined();
	});

	it('makes mentors authors only when a coordinator says so', async () => {
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		const mentor = await createUser(db(), { roles: ['mentor'] });
		const student = await createUser(db(), { roles: ['student'] });
		const asUser = (user: { id: string }, roles: Array<'student' | 'mentor' | 'coordinator'>) => ({ id: user.id, roles });
		expect(await isAuthor(db(), asUser(coordinator, ['coordinator']))).toBe(true);
		expect(await isAuthor(db(), asUser(mentor, ['mentor']))).toBe(false);
		expect(await setAuthor(db(), coordinator.id, mentor.id, true)).toEqual({ ok: true });
		expect(await isAuthor(db(), asUser(mentor, ['mentor']))).toBe(true);
		// The flag means nothing without the mentor role.
		expect(await isAuthor(db(), asUser(mentor, []))).toBe(false);
		expect((await listMentorAuthors(db())).find((entry) => entry.id === mentor.id)).toMatchObject({ author: true });
		expect(await setAuthor(db(), coordinator.id, student.id, true)).toEqual({ ok: false, problem: 'author_error_not_mentor' });
		expect(await setAuthor(db(), coordinator.id, mentor.id, false)).toEqual({ ok: true });
		expect(await isAuthor(db(), asUser(mentor, ['mentor']))).toBe(false);
	});
});
