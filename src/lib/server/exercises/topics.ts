// The topics of the curriculum, in the order of 高校「情報I」's programming unit.
// Their names are data (not messages/*.json) so that the content and its vocabulary change together.

export interface Topic {
	id: string;
	/** Position in the curriculum: exercises are expected to follow it by their main (first) topic. */
	order: number;
	title: { ja: string; en: string };
}

export const topics = [
	{ id: 'io', order: 1, title: { ja: '入力と出力', en: 'Input and output' } },
	{ id: 'arithmetic', order: 2, title: { ja: '変数と計算', en: 'Variables and arithmetic' } },
	{ id: 'conditionals', order: 3, title: { ja: '条件分岐', en: 'Conditionals' } },
	{ id: 'loops', order: 4, title: { ja: '繰り返し', en: 'Loops' } },
	{ id: 'lists', order: 5, title: { ja: 'リスト(配列)', en: 'Lists (arrays)' } },
	{ id: 'strings', order: 6, title: { ja: '文字列', en: 'Strings' } },
	{ id: 'functions', order: 7, title: { ja: '関数', en: 'Functions' } },
	{ id: 'search', order: 8, title: { ja: '探索', en: 'Searching' } },
	{ id: 'sorting', order: 9, title: { ja: '並べかえ(ソート)', en: 'Sorting' } },
	{ id: 'grid', order: 10, title: { ja: '2次元リスト', en: '2-D lists' } },
	{ id: 'simulation', order: 11, title: { ja: 'シミュレーション', en: 'Simulation' } },
	{ id: 'recursion', order: 12, title: { ja: '再帰', en: 'Recursion' } },
	// The exam track: programs in 共通テスト用プログラム表記 (DNCL, src/lib/dncl), the 情報I exam's own notation.
	{ id: 'exam', order: 13, title: { ja: '共通テスト「情報I」(DNCL)', en: 'Common Test "Information I" (DNCL)' } }
] as const satisfies readonly Topic[];

export type TopicId = (typeof topics)[number]['id'];

export const topicIds = topics.map((topic) => topic.id) as [TopicId, ...TopicId[]];

export function topicById(id: TopicId): Topic {
	const topic = topics.find((candidate) => candidate.id === id);
	if (!topic) throw new Error(`unknown topic ${id}`);
	return topic;
}
