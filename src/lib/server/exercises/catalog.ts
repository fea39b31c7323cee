// The published exercises as one student sees them: with their status for that student (new / tried / solved),
// filtered by what the catalog's form asks for, with progress per topic and the exercise to do next.
// Status comes from the student's progress rows (exercise_progress, kept by the database whenever a submission or its
// verdict is written), one primary-key lookup per exercise instead of a scan of the person's history.
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';
import { languages, type Language } from '../judge';
import { topicIds, topics, type TopicId } from './topics';

export const exerciseStatuses = ['new', 'tried', 'solved'] as const;
export type ExerciseStatus = (typeof exerciseStatuses)[number];

export interface CatalogFilter {
	topic?: TopicId;
	difficulty?: number;
	language?: Language;
	status?: ExerciseStatus;
	search?: string;
}

export interface CatalogEntry {
	slug: string;
	title: { ja: string; en: string };
	difficulty: number;
	topics: TopicId[];
	languages: Language[];
	status: ExerciseStatus;
}

export interface TopicProgress {
	topic: TopicId;
	title: { ja: string; en: string };
	solved: number;
	total: number;
}

/** The catalog's filters from its URL (a GET form, so it works without JavaScript); unknown values are ignored. */
export function parseCatalogFilter(params: URLSearchParams): CatalogFilter {
	const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
		value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
	const difficulty = Number(params.get('difficulty'));
	return {
		topic: pick(params.get('topic'), topicIds),
		difficulty: Number.isInteger(difficulty) && difficulty >= 1 && difficulty <= 5 ? difficulty : undefined,
		language: pick(params.get('language'), languages),
		status: pick(params.get('status'), exerciseStatuses),
		search: params.get('q')?.trim().slice(0, 100) || undefined
	};
}

/** Whether the student has an AC submit for the exercise `e`. */
const solvedBy = (userId: string) =>
	sql`exists (select 1 from exercise_progress progress where progress.user_id = ${userId} and progress.exercise_id = e.id
		and progress.solved_at is not null)`;

/**
 * Not held back by a contest that has not ended (src/lib/server/contests): a contest's problems join the catalog, hints
 * and all, when it ends; a cancelled contest holds nothing back.
 */
const notHeldByContest = sql`not exists (select 1 from contest_exercises held join contests contest on contest.id = held.contest_id
	where held.exercise_id = e.id and contest.cancelled_at is null and contest.ends_at > now())`;

/**
 * Every published exercise in curriculum order with the student's status: one query (a primary-key lookup of their
 * progress per exercise) from which the catalog's list, its filters, the progress per topic and the exercise to do
 * next are all derived, instead of one query each. 300 rows; the filters run on them in the server's memory.
 */
export async function catalogEntries(db: Database, userId: string): Promise<CatalogEntry[]> {
	const rows = await selectRows<{
		slug: string;
		title_ja: string;
		title_en: string;
		difficulty: number;
		topics: TopicId[];
		languages: Language[];
		status: ExerciseStatus;
	}>(
		db,
		sql`select e.slug, e.title_ja, e.title_en, e.difficulty, e.topics, e.languages,
				case when mine.solved_at is not null then 'solved' when mine.submissions > 0 then 'tried' else 'new' end as status
			from exercises e
			left join exercise_progress mine on mine.user_id = ${userId} and mine.exercise_id = e.id
			where e.published and ${notHeldByContest}
			order by e.sort_order nulls last, e.slug`
	);
	return rows.map((row) => ({
		slug: row.slug,
		title: { ja: row.title_ja, en: row.title_en },
		difficulty: Number(row.difficulty),
		topics: row.topics,
		languages: row.languages,
		status: row.status
	}));
}

/** The entries the catalog's form asks for; the search matches either language's title, ignoring case. */
export function filterCatalog(entries: CatalogEntry[], filter: CatalogFilter): CatalogEntry[] {
	const search = filter.search?.toLowerCase();
	return entries.filter(
		(entry) =>
			(!filter.topic || entry.topics.includes(filter.topic)) &&
			(!filter.difficulty || entry.difficulty === filter.difficulty) &&
			(!filter.language || entry.languages.includes(filter.language)) &&
			(!filter.status || entry.status === filter.status) &&
			(!search || entry.title.ja.toLowerCase().includes(search) || entry.title.en.toLowerCase().includes(search))
	);
}

/** Solved and published exercises per topic, counted by each exercise's main (first) topic, in curriculum order. */
export function progressByTopic(entries: CatalogEntry[]): TopicProgress[] {
	const counts = new Map<TopicId, { solved: number; total: number }>();
	for (const entry of entries) {
		const main = entry.topics[0];
		if (!main) continue;
		const count = counts.get(main) ?? { solved: 0, total: 0 };
		count.total++;
		if (entry.status === 'solved') count.solved++;
		counts.set(main, count);
	}
	return topics.filter((topic) => counts.has(topic.id)).map((topic) => ({ topic: topic.id, title: topic.title, ...counts.get(topic.id)! }));
}

/** The first exercise in curriculum order that the student has not solved yet. */
export function nextSuggested(entries: CatalogEntry[]): { slug: string; title: { ja: string; en: string } } | undefined {
	const next = entries.find((entry) => entry.status !== 'solved');
	return next && { slug: next.slug, title: next.title };
}

export const catalogPageSize = 50;

/** The page of `matching` that the URL asks for (the first when it names no page there is), and how many there are. */
export function catalogPage<Entry>(matching: Entry[], params: URLSearchParams): { entries: Entry[]; page: number; pages: number } {
	const pages = Math.max(1, Math.ceil(matching.length / catalogPageSize));
	const wanted = Number(params.get('page'));
	const page = Number.isInteger(wanted) && wanted >= 1 && wanted <= pages ? wanted : 1;
	return { entries: matching.slice((page - 1) * catalogPageSize, page * catalogPageSize), page, pages };
}

/**
 * What to try after solving `slug`: the next published exercise in the curriculum's order that the student has not
 * solved, after this one if there is any, else the first from the start (for the exercise page's congratulations and
 * an approved review).
 */
export async function nextInCurriculum(db: Database, userId: string, slug: string): Promise<{ slug: string; title: { ja: string; en: string } } | undefined> {
	const last = 2147483647;
	const [row] = await selectRows<{ slug: string; title_ja: string; title_en: string }>(
		db,
		sql`select e.slug, e.title_ja, e.title_en from exercises e
			cross join (select coalesce(sort_order, ${last}) as sort_order, slug from exercises where slug = ${slug}) current
			where e.published and ${notHeldByContest} and e.slug <> current.slug and not ${solvedBy(userId)}
			order by (coalesce(e.sort_order, ${last}), e.slug) < (current.sort_order, current.slug), coalesce(e.sort_order, ${last}), e.slug
			limit 1`
	);
	return row && { slug: row.slug, title: { ja: row.title_ja, en: row.title_en } };
}
