// The tracks a student completes for a certificate: consecutive parts of 高校「情報I」's programming unit, and the
// exam track. An exercise belongs to the track of its main (first) topic; a track is complete when every published
// exercise in it is solved. Titles are data, like the topics' (exercises/topics.ts), so both change together.
import type { TopicId } from '../exercises';

export interface Track {
	id: string;
	topics: readonly TopicId[];
	title: { ja: string; en: string };
}

export const tracks = [
	{
		id: 'basics',
		topics: ['io', 'arithmetic', 'conditionals', 'loops'],
		title: { ja: '「情報I」プログラミングの基礎', en: '"Information I": programming basics' }
	},
	{
		id: 'data',
		topics: ['lists', 'strings', 'functions'],
		title: { ja: '「情報I」データと関数', en: '"Information I": data and functions' }
	},
	{
		id: 'algorithms',
		topics: ['search', 'sorting', 'grid', 'simulation', 'recursion'],
		title: { ja: '「情報I」アルゴリズム', en: '"Information I": algorithms' }
	},
	{ id: 'exam', topics: ['exam'], title: { ja: '共通テスト「情報I」(DNCL)', en: 'Common Test "Information I" (DNCL)' } }
] as const satisfies readonly Track[];

export type TrackId = (typeof tracks)[number]['id'];

export function trackById(id: string): Track | undefined {
	return tracks.find((track) => track.id === id);
}

/** The track an exercise belongs to, by its main topic. */
export function trackOfTopic(topic: string | null | undefined): Track | undefined {
	return tracks.find((track) => (track.topics as readonly string[]).includes(topic ?? ''));
}
