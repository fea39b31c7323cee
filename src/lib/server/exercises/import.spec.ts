import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { exerciseCases, exercises } from '../db/schema';
import { loadCurriculum } from './content';
import { importCurriculum, importCurriculumFolder, importOnStart } from './import';
import { loadStoredExercise } from './stored';
import { changedContent, curriculumExercises } from './testing';

describeEachDatabase('importing the curriculum', (connection) => {
	const db = () => connection().db;
	const row = async (slug: string) => (await db().select().from(exercises).where(eq(exercises.slug, slug)))[0];

	it('imports every folder, published with its cases, solutions and hash; a second import changes nothing', async () => {
		const curriculum = await loadCurriculum();
		const first = await importCurriculumFolder(db(), 'src/content/exercises');
		expect(first.inserted).toEqual(curriculum.map((exercise) => exercise.slug));

		const busFare = curriculum.find((exercise) => exercise.slug === 'bus-fare');
		const stored = await loadStoredExercise(db(), 'bus-fare');
		expect(stored?.content).toEqual(busFare);
		expect(stored?.row).toMatchObject({ published: true, source: 'content', editedInUiAt: null, contentHash: busFare?.contentHash });

		const before = await row('bus-fare');
		const second = await importCurriculumFolder(db(), 'src/content/exercises');
		expect(second).toMatchObject({ inserted: [], updated: [], keptUiEdits: [], overwritten: [] });
		expect(second.unchanged).toHaveLength(curriculum.length);
		expect((await row('bus-fare'))?.updatedAt).toEqual(before?.updatedAt);
	});

	it('updates a changed folder, replacing its cases, and leaves publishing as a coordinator set it', async () => {
		const [original] = await curriculumExercises('hello-name');
		if (!original) throw new Error('missing folder');
		await importCurriculum(db(), [original]);
		await db().update(exercises).set({ published: false }).where(eq(exercises.slug, 'hello-name'));

		const changed = changedContent(original, {
			title: { ...original.title, ja: '名前であいさつ(改訂)' },
			cases: original.cases.slice(0, -1)
		});
		expect(await importCurriculum(db(), [changed])).toMatchObject({ updated: ['hello-name'] });
		const updated = await row('hello-name');
		expect(updated).toMatchObject({ titleJa: '名前であいさつ(改訂)', published: false, contentHash: changed.contentHash });
		const cases = await db().select().from(exerciseCases).where(eq(exerciseCases.exerciseId, updated!.id)).orderBy(asc(exerciseCases.position));
		expect(cases.map((testCase) => testCase.position)).toEqual(changed.cases.map((_, index) => index));
	});

	it('never silently overwrites an exercise edited in the UI; --force does', async () => {
		const [original] = await curriculumExercises('countdown');
		if (!original) throw new Error('missing folder');
		await importCurriculum(db(), [original]);
		await db().update(exercises).set({ titleJa: 'UIで直した題名', editedInUiAt: new Date() }).where(eq(exercises.slug, 'countdown'));

		const changed = changedContent(original, { difficulty: original.difficulty + 1 });
		expect(await importCurriculum(db(), [changed])).toMatchObject({ keptUiEdits: ['countdown'], updated: [] });
		expect(await row('countdown')).toMatchObject({ titleJa: 'UIで直した題名', difficulty: original.difficulty });

		expect(await importCurriculum(db(), [changed], { force: true })).toMatchObject({ overwritten: ['countdown'] });
		expect(await row('countdown')).toMatchObject({ titleJa: original.title.ja, difficulty: original.difficulty + 1, editedInUiAt: null, source: 'content' });
	});

	it('keeps an exercise created in the UI under the same slug unless forced', async () => {
		const [fizzbuzz] = await curriculumExercises('fizzbuzz');
		if (!fizzbuzz) throw new Error('missing folder');
		const folder = changedContent(fizzbuzz, { slug: 'fizzbuzz-mine' });
		await db()
			.insert(exercises)
			.values({
				slug: 'fizzbuzz-mine',
				titleJa: '私のFizzBuzz',
				titleEn: 'My FizzBuzz',
				statementJa: '…',
				statementEn: '…',
				languages: ['python'],
				source: 'ui'
			});
		expect(await importCurriculum(db(), [folder])).toMatchObject({ keptUiEdits: ['fizzbuzz-mine'] });
		expect(await row('fizzbuzz-mine')).toMatchObject({ titleJa: '私のFizzBuzz', source: 'ui' });
		expect(await importCurriculum(db(), [folder], { force: true })).toMatchObject({ overwritten: ['fizzbuzz-mine'] });
		expect(await row('fizzbuzz-mine')).toMatchObject({ titleJa: fizzbuzz.title.ja, source: 'content' });
	});

	it('at start, a missing content folder is logged and nothing fails', async () => {
		const empty = await mkdtemp(join(tmpdir(), 'no-content-'));
		try {
			await expect(importOnStart(db(), join(empty, 'missing'))).resolves.toBeUndefined();
		} finally {
			await rm(empty, { recursive: true, force: true });
		}
	});
});
