// A student's program, saved as they type (per exercise and language), so that it survives a reload, a crash or a
// change of device. The page saves about once a second while they type; the limit below only stops runaway clients.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { languages, type Language } from '../judge';
import { exercises } from '../db/schema';
import * as rateLimit from '../ratelimit';
import { exerciseDrafts } from './schema';

export const maxDraftBytes = 65_536;
export const draftSaveWindow = { limit: 120, windowMs: 60_000 } as const;

export type DraftSaveResult = 'saved' | 'not_found' | 'language_not_allowed' | 'too_large' | 'rate_limited';

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export async function saveDraft(
	db: Database,
	person: { userId: string; includeUnpublished: boolean },
	draft: { slug: string; language: Language; source: string }
): Promise<DraftSaveResult> {
	if (Buffer.byteLength(draft.source, 'utf8') > maxDraftBytes) return 'too_large';
	const [exercise] = await db
		.select({ id: exercises.id, languages: exercises.languages })
		.from(exercises)
		.where(and(eq(exercises.slug, draft.slug), person.includeUnpublished ? undefined : eq(exercises.published, true)));
	if (!exercise) return 'not_found';
	if (!exercise.languages.includes(draft.language)) return 'language_not_allowed';
	if (!(await rateLimit.tryConsume(db, `draft:${person.userId}`, draftSaveWindow))) return 'rate_limited';
	await db
		.insert(exerciseDrafts)
		.values({ userId: person.userId, exerciseId: exercise.id, language: draft.language, source: draft.source })
		.onConflictDoUpdate({
			target: [exerciseDrafts.userId, exerciseDrafts.exerciseId, exerciseDrafts.language],
			set: { source: draft.source, updatedAt: sql`now()` }
		});
	return 'saved';
}
