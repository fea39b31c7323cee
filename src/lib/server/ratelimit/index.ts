// A sliding-window limiter kept in Postgres, so every web server behind a load balancer sees the same counts.
import { createHash } from 'node:crypto';
import { and, count, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Database } from '../db';
import { rateLimitHits } from '../db/schema';

export interface Window {
	limit: number;
	windowMs: number;
}

export interface Limit {
	bucket: string;
	window: Window;
}

/**
 * A bucket name for what people typed or where they came from (an email address, an IP address): hashed, so the
 * table holds no personal data and no character the database would refuse.
 */
export function bucketFor(kind: string, ...parts: string[]): string {
	return `${kind}:${createHash('sha256').update(parts.join('\n')).digest('base64url')}`;
}

/** Records one hit; its id lets `forgetHits` take it back. */
export async function recordHit(db: Database, bucket: string): Promise<number> {
	const [hit] = await db.insert(rateLimitHits).values({ bucket }).returning({ id: rateLimitHits.id });
	return hit!.id;
}

export async function countHits(db: Database, bucket: string, windowMs: number): Promise<number> {
	const since = new Date(Date.now() - windowMs);
	await db.delete(rateLimitHits).where(and(eq(rateLimitHits.bucket, bucket), lt(rateLimitHits.hitAt, since)));
	const [row] = await db
		.select({ hits: count() })
		.from(rateLimitHits)
		.where(and(eq(rateLimitHits.bucket, bucket), gt(rateLimitHits.hitAt, since)));
	return row?.hits ?? 0;
}

export async function isLimited(db: Database, bucket: string, window: Window): Promise<boolean> {
	return (await countHits(db, bucket, window.windowMs)) >= window.limit;
}

/** Records a hit and says whether it stayed within the window's limit. */
export async function tryConsume(db: Database, bucket: string, window: Window): Promise<boolean> {
	if (await isLimited(db, bucket, window)) return false;
	await recordHit(db, bucket);
	return true;
}

/**
 * Counts one attempt against several limits at once, before the attempt is made: the hits are recorded first and
 * counted after, so concurrent attempts cannot slip past a limit together, and an attempt that then fails in any
 * way has been counted. Over any limit, the attempt is taken back and null returned; otherwise the ids of its hits.
 */
export async function consumeAll(db: Database, limits: readonly Limit[]): Promise<number[] | null> {
	const hits: number[] = [];
	for (const { bucket } of limits) hits.push(await recordHit(db, bucket));
	for (const { bucket, window } of limits) {
		if ((await countHits(db, bucket, window.windowMs)) > window.limit) {
			await forgetHits(db, hits);
			return null;
		}
	}
	return hits;
}

export async function forgetHits(db: Database, ids: readonly number[]): Promise<void> {
	if (ids.length > 0) await db.delete(rateLimitHits).where(inArray(rateLimitHits.id, [...ids]));
}

export async function clearHits(db: Database, bucket: string): Promise<void> {
	await db.delete(rateLimitHits).where(eq(rateLimitHits.bucket, bucket));
}
