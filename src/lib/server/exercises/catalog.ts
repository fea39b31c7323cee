// The published exercises as one student sees them: with their status for that student (new / tried / solved),
// filtered by what the catalog's form asks for, with progress per topic and the exercise to do next.
// Status comes from the student's progress rows (exercise_progress, kept by the database whenever a submission or its
// verdict is written), one primary-key lookup per exercise instead of a scan of the person's history.
import { sql, type SQL } from 'drizzle-orm';
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

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** Whether the student has an AC submit for the exercise `e`. */
const solvedBy = (userId: string) =>
	sql`exists (select 1 from exercise_progress progress where progress.user_id = ${userId} and progress.exercise_id = e.id
		and progress.solved_at is not null)`;

export async function listCatalog(db: Database, userId: string, filter: CatalogFilter = {}): Promise<CatalogEntry[]> {
	const conditions: SQL[] = [sql`e.published`];
	if (filter.topic) conditions.push(sql`${filter.topic} = any(e.topics)`);
	if (filter.difficulty) conditions.push(sql`e.difficulty = ${filter.difficulty}`);
	if (filter.language) conditions.push(sql`${filter.language} = any(e.languages)`);
	if (filter.search) {
		const pattern = likePattern(filter.search);
		conditions.push(sql`(e.title_ja ilike ${pattern} or e.title_en ilike ${pattern})`);
	}
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
		sql`select * from (
				select e.slug, e.title_ja, e.title_en, e.difficulty, e.topics, e.languages, e.sort_order,
					case when mine.solved_at is not null then 'solved' when mine.submissions > 0 then 'tried' else 'new' end as status
				from exercises e
				left join exercise_progress mine on mine.user_id = ${userId} and mine.exercise_id = e.id
				where ${sql.join(conditions, sql` and `)}
			) as catalog
			${filter.status ? sql`where catalog.status = ${filter.status}` : sql``}
			order by catalog.sort_order nulls last, catalog.slug`
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

/** Solved and published exercises per topic, counted by each exercise's main (first) topic, in curriculum order. */
export async function topicProgress(db: Database, userId: string): Promise<TopicProgress[]> {
	const rows = await selectRows<{ topic: string; total: number; solved: number }>(
		db,
		sql`select e.topics[1] as topic, count(*)::int as total, count(*) filter (where ${solvedBy(userId)})::int as solved
			from exercises e
			where e.published and cardinality(e.topics) > 0
			group by 1`
	);
	const byTopic = new Map(rows.map((row) => [row.topic, row]));
	return topics
		.filter((topic) => byTopic.has(topic.id))
		.map((topic) => ({
			topic: topic.id,
			title: topic.title,
			solved: Number(byTopic.get(topic.id)?.solved ?? 0),
			total: Number(byTopic.get(topic.id)?.total ?? 0)
		}));
}

/** The first published exercise in curriculum order that the student has not solved yet. */
export async function nextSuggestedExercise(db: Database, userId: string): Promise<{ slug: string; title: { ja: string; en: string } } | undefined> {
	const [row] = await selectRows<{ slug: string; title_ja: string; title_en: string }>(
		db,
		sql`select e.slug, e.title_ja, e.title_en from exercises e
			where e.published and not ${solvedBy(userId)}
			order by e.sort_order nulls last, e.slug
			limit 1`
	);
	return row && { slug: row.slug, title: { ja: row.title_ja, en: row.title_en } };
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
			where e.published and e.slug <> current.slug and not ${solvedBy(userId)}
			order by (coalesce(e.sort_order, ${last}), e.slug) < (current.sort_order, current.slug), coalesce(e.sort_order, ${last}), e.slug
			limit 1`
	);
	return row && { slug: row.slug, title: { ja: row.title_ja, en: row.title_en } };
}
