// The badge catalogue's ids (the database's) and how badges read: every kind has a title and a way to earn it in both
// languages, and a topic's title nests its own quotes as Japanese does.
import { describe, expect, it } from 'vitest';
import { setLocale } from '$lib/paraglide/runtime.js';
import { topics } from '$lib/server/exercises';
import { badgeId, badgeKinds, parseBadgeId } from './catalogue';
import { badgeHow, badgeTitle } from './labels';

describe('badge ids', () => {
	it('reads back every id it makes, and refuses ids it does not know', () => {
		expect(parseBadgeId(badgeId('solved_10'))).toEqual({ kind: 'solved_10', topic: null });
		expect(parseBadgeId(badgeId('topic', 'loops'))).toEqual({ kind: 'topic', topic: 'loops' });
		for (const unknown of ['solved_100', 'topic', 'first_correct:io', 'topic:', '', 'toString', '__proto__']) {
			expect(parseBadgeId(unknown), unknown).toBeNull();
		}
	});
});

describe('badge labels', () => {
	const exam = topics.find((topic) => topic.id === 'exam')!.title;

	it('names every badge and says how to earn it, in Japanese and English', () => {
		for (const locale of ['ja', 'en'] as const) {
			setLocale(locale, { reload: false });
			for (const kind of badgeKinds) {
				const badge = { kind, topic: kind === 'topic' ? topics[0]!.title : null };
				expect(badgeTitle(badge).length, `${locale} ${kind}`).toBeGreaterThan(2);
				expect(badgeHow(badge).length, `${locale} ${kind}`).toBeGreaterThan(10);
			}
		}
		setLocale('ja', { reload: false });
	});

	it('quotes a topic whose title has quotes of its own with 『』 inside 「」', () => {
		setLocale('ja', { reload: false });
		expect(badgeTitle({ kind: 'topic', topic: exam })).toBe('「共通テスト『情報I』(DNCL)」マスター');
		expect(badgeTitle({ kind: 'first_correct', topic: null })).toBe('初めての正解');
	});
});
