// A student's own submits to an exercise, and the code of each: what they sent, when, and the verdict.
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { submissions } from '../judge/schema';
import { exercises } from '../db/schema';
import { canView, type Viewer } from '../judge';

export const historyPageSize = 50;

export async function listSubmits(db: Database, userId: string, exerciseId: string, options: { limit?: number } = {}) {
	return db
		.select({
			id: submissions.id,
			language: submissions.language,
			status: submissions.status,
			verdict: submissions.verdict,
			casesDone: submissions.casesDone,
			casesTotal: submissions.casesTotal,
			createdAt: submissions.createdAt
		})
		.from(submissions)
		.where(and(eq(submissions.userId, userId), eq(submissions.exerciseId, exerciseId), eq(submissions.mode, 'submit')))
		.orderBy(desc(submissions.createdAt))
		.limit(options.limit ?? historyPageSize);
}

/**
 * One attempt with its code, when `viewer` may read it (see judge/view.ts: its author, or a coordinator) and it
 * belongs to the exercise `slug`; otherwise undefined, answered like a missing one.
 */
export async function findAttempt(db: Database, viewer: Viewer, slug: string, id: string) {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
	const [row] = await db
		.select({
			id: submissions.id,
			userId: submissions.userId,
			language: submissions.language,
			mode: submissions.mode,
			source: submissions.source,
			createdAt: submissions.createdAt
		})
		.from(submissions)
		.innerJoin(exercises, eq(exercises.id, submissions.exerciseId))
		.where(and(eq(submissions.id, id), eq(exercises.slug, slug)));
	if (!row || !canView(viewer, row)) return undefined;
	return { id: row.id, language: row.language, mode: row.mode, source: row.source, createdAt: row.createdAt };
}
