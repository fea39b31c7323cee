// A sliding-window limiter kept in Postgres, so every web server behind a load balancer sees the same counts.
import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../db';
import { rateLimitHits } from '../db/schema';

export interface Window {
	limit: number;
	windowMs: number;
}

export async function recordHit(db: Database, bucket: string): Promise<void> {
	await db.insert(rateLimitHits).values({ bucket });
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

export async function clearHits(db: Database, bucket: string): Promise<void> {
	await db.delete(rateLimitHits).where(eq(rateLimitHits.bucket, bucket));
}
