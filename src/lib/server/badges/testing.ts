// Test data for badges: exercises of a topic of the test's own (so that tests sharing a database count only theirs),
// and submits waiting for the verdict the judge writes.
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { exercises } from '../db/schema';
import type { Language } from '../judge/languages';
import { submissions } from '../judge/schema';
import { completeSubmission } from '../judge';
import { badgeAwards } from './schema';

const leaseOwner = 'badges-test';

/** `count` published exercises whose main topic is `topic` (a fresh one by default), in the given languages. */
export async function createExercises(
	db: Database,
	count: number,
	options: { topic?: string; languages?: Language[]; published?: boolean } = {}
): Promise<{ topic: string; ids: string[] }> {
	const topic = options.topic ?? `test-${crypto.randomUUID().slice(0, 8)}`;
	const rows = await db
		.insert(exercises)
		.values(
			Array.from({ length: count }, (_, index) => ({
				slug: `badges-${crypto.randomUUID()}`,
				titleJa: `バッジの問題 ${index + 1}`,
				titleEn: `Badge exercise ${index + 1}`,
				statementJa: '1 と出力してください。',
				statementEn: 'Print 1.',
				languages: options.languages ?? ['python', 'javascript'],
				published: options.published ?? true,
				topics: [topic, 'loops']
			}))
		)
		.returning({ id: exercises.id });
	return { topic, ids: rows.map((row) => row.id) };
}

/** A submit being judged, held by a test worker: `judged` writes its verdict as the judge does. */
export async function pendingSubmit(
	db: Database,
	userId: string,
	exerciseId: string,
	options: { language?: Language; createdAt?: Date } = {}
): Promise<string> {
	const [row] = await db
		.insert(submissions)
		.values({
			userId,
			exerciseId,
			language: options.language ?? 'python',
			source: 'print(1)\n',
			mode: 'submit',
			status: 'running',
			leaseOwner,
			attempts: 1,
			createdAt: options.createdAt ?? new Date()
		})
		.returning({ id: submissions.id });
	return row!.id;
}

export async function judged(db: Database, submissionId: string, verdict: 'AC' | 'WA' = 'AC'): Promise<void> {
	const written = await completeSubmission(db, { submissionId, owner: leaseOwner, leaseMs: 30_000 }, { verdict, cases: [], sandboxed: true });
	if (!written) throw new Error('verdict not written');
}

/** A submit judged at once. */
export async function solve(db: Database, userId: string, exerciseId: string, options: { language?: Language; verdict?: 'AC' | 'WA' } = {}) {
	await judged(db, await pendingSubmit(db, userId, exerciseId, { language: options.language }), options.verdict);
}

/** The person's awards by badge id. */
export async function awardsOf(db: Database, userId: string): Promise<Map<string, { awardedAt: Date; announcedAt: Date | null }>> {
	const rows = await db.select().from(badgeAwards).where(eq(badgeAwards.userId, userId));
	return new Map(rows.map((row) => [row.badge, { awardedAt: row.awardedAt, announcedAt: row.announcedAt }]));
}
