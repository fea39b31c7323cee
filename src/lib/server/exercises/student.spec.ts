// What a student sees: the catalog with their status and filters, progress, streak, workspace, drafts and history.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { exercises } from '../db/schema';
import { createUser, type TestUser } from '../testing/factories';
import {
	catalogPageSize,
	filterCatalog,
	catalogEntries,
	nextInCurriculum,
	nextSuggested,
	parseCatalogFilter,
	catalogPage,
	progressByTopic,
	type CatalogEntry
} from './catalog';
import { draftSaveWindow, maxDraftBytes, saveDraft } from './drafts';
import { findAttempt, listSubmits } from './history';
import { recentSubmits, submitStreak } from './profile';
import { curriculumExercises, importExercises, recordSubmission } from './testing';
import { openWorkspace } from './workspace';

describeEachDatabase('the student side of exercises', (connection) => {
	const db = () => connection().db;
	let ids: Record<string, string>;
	beforeAll(async () => {
		ids = await importExercises(db(), 'hello-world', 'hello-name', 'even-or-odd', 'fizzbuzz', 'bus-fare', 'linear-search');
	});
	const id = (slug: string) => {
		const found = ids[slug];
		if (!found) throw new Error(`${slug} not imported`);
		return found;
	};
	const slugs = (entries: Array<{ slug: string }>) => entries.map((entry) => entry.slug);
	const student = () => createUser(db(), { roles: ['student'] });

	it('lists published exercises in curriculum order with each one’s status for this student only', async () => {
		const alice = await student();
		const bob = await student();
		await recordSubmission(db(), { userId: alice.id, exerciseId: id('hello-world'), verdict: 'AC' });
		await recordSubmission(db(), { userId: alice.id, exerciseId: id('hello-name'), mode: 'run', verdict: null });
		await recordSubmission(db(), { userId: alice.id, exerciseId: id('fizzbuzz'), verdict: 'WA' });
		// An AC on a run does not solve an exercise: only a submit on every case does.
		await recordSubmission(db(), { userId: alice.id, exerciseId: id('even-or-odd'), mode: 'run', verdict: 'AC' });
		await recordSubmission(db(), { userId: bob.id, exerciseId: id('bus-fare'), verdict: 'AC' });

		const catalog = await catalogEntries(db(), alice.id);
		expect(slugs(catalog)).toEqual(['hello-world', 'hello-name', 'even-or-odd', 'fizzbuzz', 'bus-fare', 'linear-search']);
		expect(Object.fromEntries(catalog.map((entry) => [entry.slug, entry.status]))).toEqual({
			'hello-world': 'solved',
			'hello-name': 'tried',
			'even-or-odd': 'tried',
			fizzbuzz: 'tried',
			'bus-fare': 'new',
			'linear-search': 'new'
		});
		expect(catalog[0]).toMatchObject({
			title: { ja: 'はじめてのプログラム', en: 'Your first program' },
			difficulty: 1,
			topics: ['io'],
			languages: ['python', 'javascript']
		});
		expect(slugs(filterCatalog(await catalogEntries(db(), alice.id), { status: 'solved' }))).toEqual(['hello-world']);
		expect(slugs(filterCatalog(await catalogEntries(db(), alice.id), { status: 'new' }))).toEqual(['bus-fare', 'linear-search']);
		expect(slugs(filterCatalog(await catalogEntries(db(), bob.id), { status: 'solved' }))).toEqual(['bus-fare']);

		const progress = progressByTopic(await catalogEntries(db(), alice.id));
		expect(progress.find((entry) => entry.topic === 'io')).toMatchObject({ solved: 1, total: 2, title: { ja: '入力と出力' } });
		expect(progress.map((entry) => entry.topic)).toEqual(['io', 'conditionals', 'loops', 'functions', 'search']);
		expect(nextSuggested(await catalogEntries(db(), alice.id))).toMatchObject({ slug: 'hello-name' });
	});

	it('filters by topic (any listed), difficulty, language and title in either language, safely', async () => {
		const someone = await student();
		const filter = async (query: string) => filterCatalog(await catalogEntries(db(), someone.id), parseCatalogFilter(new URLSearchParams(query)));
		expect(slugs(await filter('topic=conditionals'))).toEqual(['even-or-odd', 'fizzbuzz', 'bus-fare']);
		expect(slugs(await filter('difficulty=1'))).toEqual(['hello-world', 'hello-name']);
		expect(slugs(await filter('language=javascript'))).toHaveLength(6);
		expect(slugs(await filter('q=あいさつ'))).toEqual(['hello-name']);
		expect(slugs(await filter('q=FIZZ'))).toEqual(['fizzbuzz']);
		expect(await filter('q=%25')).toEqual([]);
		expect(await filter('q=_')).toEqual([]);
		expect(parseCatalogFilter(new URLSearchParams('topic=cooking&difficulty=9&language=ruby&status=maybe&q=%20'))).toEqual({
			topic: undefined,
			difficulty: undefined,
			language: undefined,
			status: undefined,
			search: undefined
		});
	});

	it('offers, after an exercise, the next one in the curriculum not yet solved, from the start once past the end', async () => {
		const someone = await student();
		const solve = (slug: string) => recordSubmission(db(), { userId: someone.id, exerciseId: id(slug), verdict: 'AC' });
		await solve('hello-world');
		expect(await nextInCurriculum(db(), someone.id, 'hello-world')).toMatchObject({ slug: 'hello-name', title: { ja: '名前であいさつ' } });
		await solve('even-or-odd');
		expect(await nextInCurriculum(db(), someone.id, 'hello-name')).toMatchObject({ slug: 'fizzbuzz' });
		expect(await nextInCurriculum(db(), someone.id, 'linear-search')).toMatchObject({ slug: 'hello-name' });
		for (const slug of ['hello-name', 'fizzbuzz', 'bus-fare', 'linear-search']) await solve(slug);
		expect(await nextInCurriculum(db(), someone.id, 'linear-search')).toBeUndefined();
		expect(await nextInCurriculum(db(), someone.id, 'no-such-exercise')).toBeUndefined();
	});

	it('never lists an unpublished exercise, nor suggests it', async () => {
		const someone = await student();
		await db().update(exercises).set({ published: false }).where(eq(exercises.slug, 'hello-world'));
		try {
			expect(slugs(await catalogEntries(db(), someone.id))).not.toContain('hello-world');
			expect(nextSuggested(await catalogEntries(db(), someone.id))).toMatchObject({ slug: 'hello-name' });
			expect(await openWorkspace(db(), 'hello-world', { userId: someone.id, includeUnpublished: false, locale: 'ja' })).toBeUndefined();
		} finally {
			await db().update(exercises).set({ published: true }).where(eq(exercises.slug, 'hello-world'));
		}
	});

	it('counts a streak in Japan days: consecutive days with a submit, ending today or yesterday', async () => {
		const someone = await student();
		const submitAt = (iso: string, mode: 'run' | 'submit' = 'submit') =>
			recordSubmission(db(), { userId: someone.id, exerciseId: id('fizzbuzz'), mode, createdAt: new Date(iso) });
		const now = new Date('2026-12-03T03:00:00Z'); // 12:00 on 3 December in Japan
		expect(await submitStreak(db(), someone.id, now)).toEqual({ current: 0, longest: 0, submittedToday: false });

		await submitAt('2026-11-20T01:00:00Z');
		await submitAt('2026-11-21T01:00:00Z');
		await submitAt('2026-11-22T01:00:00Z');
		await submitAt('2026-11-30T15:30:00Z'); // 00:30 on 1 December in Japan (still 30 November in UTC)
		await submitAt('2026-12-01T14:59:00Z'); // 23:59 on 1 December in Japan
		await submitAt('2026-12-02T10:00:00Z');
		await submitAt('2026-12-03T01:00:00Z', 'run'); // a run is not a submit
		expect(await submitStreak(db(), someone.id, now)).toEqual({ current: 2, longest: 3, submittedToday: false });

		await submitAt('2026-11-30T14:59:00Z'); // 23:59 on 30 November in Japan: joins the run up to 2 December
		expect(await submitStreak(db(), someone.id, now)).toEqual({ current: 3, longest: 3, submittedToday: false });
		await submitAt('2026-12-02T15:00:00Z'); // 00:00 on 3 December in Japan
		expect(await submitStreak(db(), someone.id, now)).toEqual({ current: 4, longest: 4, submittedToday: true });
		// Two days without a submit end the streak.
		expect(await submitStreak(db(), someone.id, new Date('2026-12-05T03:00:00Z'))).toMatchObject({ current: 0, longest: 4 });
	});

	it('opens the workspace: rendered statement and hints, starter, drafts, never a solution or a hidden case', async () => {
		const someone = await student();
		const viewer = { userId: someone.id, includeUnpublished: false, locale: 'ja' as const };
		const fresh = await openWorkspace(db(), 'bus-fare', viewer);
		expect(fresh).toMatchObject({ language: 'python', drafts: {}, solved: false, submitCount: 0 });
		expect(fresh?.exercise.statementHtml).toContain('<h2>問題</h2>');
		expect(fresh?.exercise.hints[0]).toContain('<code>return 値</code>');
		expect(fresh?.starter.python).toContain('def fare(age):');

		const serialized = JSON.stringify(fresh);
		const [folder] = await curriculumExercises('bus-fare');
		for (const solution of Object.values(folder?.solution ?? {})) expect(serialized).not.toContain(JSON.stringify(solution).slice(1, -1));
		// hidden-6 of bus-fare: 100 ages, neither in the statement nor in the samples.
		expect(serialized).not.toContain('43 32 78 102');

		expect(await saveDraft(db(), { userId: someone.id, includeUnpublished: false }, { slug: 'bus-fare', language: 'javascript', source: '// mine\n' })).toBe(
			'saved'
		);
		expect(
			await saveDraft(db(), { userId: someone.id, includeUnpublished: false }, { slug: 'bus-fare', language: 'javascript', source: '// mine, again\n' })
		).toBe('saved');
		await recordSubmission(db(), { userId: someone.id, exerciseId: id('bus-fare'), verdict: 'AC' });
		const english = await openWorkspace(db(), 'bus-fare', { ...viewer, locale: 'en' });
		expect(english).toMatchObject({ language: 'javascript', drafts: { javascript: '// mine, again\n' }, solved: true, submitCount: 1 });
		expect(english?.exercise.title).toBe('Bus fares');
		expect(english?.exercise.statementHtml).toContain('<h2>Problem</h2>');
	});

	it('refuses drafts that are too large, for a language or exercise that is not there, and too many at once', async () => {
		const someone = await student();
		const person = { userId: someone.id, includeUnpublished: false };
		expect(await saveDraft(db(), person, { slug: 'fizzbuzz', language: 'python', source: 'x'.repeat(maxDraftBytes + 1) })).toBe('too_large');
		expect(await saveDraft(db(), person, { slug: 'no-such-exercise', language: 'python', source: '' })).toBe('not_found');
		await db()
			.update(exercises)
			.set({ languages: ['python'] })
			.where(eq(exercises.slug, 'linear-search'));
		expect(await saveDraft(db(), person, { slug: 'linear-search', language: 'javascript', source: '' })).toBe('language_not_allowed');
		await db()
			.update(exercises)
			.set({ languages: ['python', 'javascript'] })
			.where(eq(exercises.slug, 'linear-search'));
		for (let save = 0; save < draftSaveWindow.limit; save++) {
			expect(await saveDraft(db(), person, { slug: 'fizzbuzz', language: 'python', source: `# ${save}\n` })).toBe('saved');
		}
		expect(await saveDraft(db(), person, { slug: 'fizzbuzz', language: 'python', source: '# one more\n' })).toBe('rate_limited');
	});

	it('lists a student’s own submits with their code; others are answered like missing ones', async () => {
		const alice: TestUser = await student();
		const bob: TestUser = await student();
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		const first = await recordSubmission(db(), {
			userId: alice.id,
			exerciseId: id('even-or-odd'),
			source: 'print("first")\n',
			createdAt: new Date('2026-11-01T00:00:00Z')
		});
		const second = await recordSubmission(db(), {
			userId: alice.id,
			exerciseId: id('even-or-odd'),
			verdict: 'AC',
			language: 'javascript',
			source: 'console.log(2)\n'
		});
		await recordSubmission(db(), { userId: alice.id, exerciseId: id('even-or-odd'), mode: 'run', verdict: null });
		await recordSubmission(db(), { userId: bob.id, exerciseId: id('even-or-odd'), verdict: 'AC' });

		const history = await listSubmits(db(), alice.id, id('even-or-odd'));
		expect(history.map((entry) => [entry.id, entry.verdict, entry.language])).toEqual([
			[second, 'AC', 'javascript'],
			[first, 'WA', 'python']
		]);
		expect(await findAttempt(db(), { id: alice.id, roles: ['student'] }, 'even-or-odd', first)).toMatchObject({
			source: 'print("first")\n',
			language: 'python'
		});
		expect(await findAttempt(db(), { id: bob.id, roles: ['student'] }, 'even-or-odd', first)).toBeUndefined();
		expect(await findAttempt(db(), { id: alice.id, roles: ['student'] }, 'fizzbuzz', first)).toBeUndefined();
		expect(await findAttempt(db(), { id: alice.id, roles: ['student'] }, 'even-or-odd', 'not-a-uuid')).toBeUndefined();
		expect(await findAttempt(db(), { id: coordinator.id, roles: ['coordinator'] }, 'even-or-odd', second)).toMatchObject({ language: 'javascript' });

		const recent = await recentSubmits(db(), alice.id);
		expect(recent.map((entry) => entry.id)).toEqual([second, first]);
		expect(recent[0]).toMatchObject({ slug: 'even-or-odd', verdict: 'AC' });
	});
});

describe('the catalog without a database', () => {
	const entry = (slug: string, title: { ja: string; en: string }): CatalogEntry => ({
		slug,
		title,
		difficulty: 1,
		topics: ['loops'],
		languages: ['python'],
		status: 'new'
	});

	it('searches either language’s title, ignoring case', () => {
		const entries = [entry('fizz', { ja: 'FizzBuzz', en: 'FizzBuzz' }), entry('bus', { ja: 'バスの運賃', en: 'Bus fares' })];
		expect(filterCatalog(entries, { search: 'fizzbuzz' }).map((found) => found.slug)).toEqual(['fizz']);
		expect(filterCatalog(entries, { search: 'BUS' }).map((found) => found.slug)).toEqual(['bus']);
		expect(filterCatalog(entries, { search: '運賃' }).map((found) => found.slug)).toEqual(['bus']);
		expect(filterCatalog(entries, { search: '%' })).toEqual([]);
	});

	it('reads the page from the URL, and sends a page that is not there to the first', () => {
		const page = (query: string, matching: number) =>
			catalogPage(
				Array.from({ length: matching }, (_, index) => index),
				new URLSearchParams(query)
			).page;
		expect(catalogPageSize).toBe(50);
		expect(page('page=2', 61)).toBe(2);
		expect(page('page=3', 61)).toBe(1);
		expect(page('page=0', 61)).toBe(1);
		expect(page('page=1.5', 61)).toBe(1);
		expect(page('page=abc', 61)).toBe(1);
		expect(page('', 0)).toBe(1);
		const second = catalogPage(
			Array.from({ length: 61 }, (_, index) => index),
			new URLSearchParams('page=2')
		);
		expect(second).toMatchObject({ page: 2, pages: 2 });
		expect(second.entries).toEqual(Array.from({ length: 11 }, (_, index) => 50 + index));
	});
});
