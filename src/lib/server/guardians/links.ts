// The links mailed to a guardian: each serves one child (by the application consented to) and one purpose, only a
// SHA-256 of its token is stored, and each expires. A lookup of an unknown token counts against the asking address,
// so that nobody can try tokens at speed (they are 160 random bits anyway).
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../db';
import { generateSecret, hashSecret } from '../auth';
import * as rateLimit from '../ratelimit';
import { guardianLinks, type GuardianLinkPurpose } from './schema';

const day = 24 * 60 * 60 * 1000;

/**
 * Unsubscribing must keep working for a long time after the mail (a guardian may act on an old digest); the page to
 * ask for the child's data is re-sent with every digest; the export's download is short-lived.
 */
export const linkLifetimeMs: Record<GuardianLinkPurpose, number> = {
	unsubscribe: 365 * day,
	data: 90 * day,
	export: 7 * day
};

const tokenPattern = /^[a-z2-7]{32}$/;

/** Unknown or expired tokens one address may present per hour before it is refused without a lookup. */
export const failedLookupWindow: rateLimit.Window = { limit: 20, windowMs: 60 * 60 * 1000 };

export async function issueGuardianLink(db: Database, applicationId: string, purpose: GuardianLinkPurpose, now: Date): Promise<string> {
	const token = generateSecret(20);
	await db.insert(guardianLinks).values({
		tokenHash: hashSecret(token),
		applicationId,
		purpose,
		createdAt: now,
		expiresAt: new Date(now.getTime() + linkLifetimeMs[purpose])
	});
	return token;
}

/**
 * The application a token was issued for, when it is known, unexpired and issued for `purpose`; null otherwise.
 * `ip` (when known) is charged for every failed lookup and refused once over the limit.
 */
export async function resolveGuardianLink(
	db: Database,
	token: string,
	purpose: GuardianLinkPurpose,
	context: { now: Date; ip?: string }
): Promise<string | null> {
	const bucket = context.ip ? rateLimit.bucketFor('guardian-link:ip', context.ip) : null;
	if (bucket && (await rateLimit.isLimited(db, bucket, failedLookupWindow))) return null;
	const [row] = tokenPattern.test(token)
		? await db
				.select({ applicationId: guardianLinks.applicationId })
				.from(guardianLinks)
				.where(and(eq(guardianLinks.tokenHash, hashSecret(token)), eq(guardianLinks.purpose, purpose), gt(guardianLinks.expiresAt, context.now)))
		: [];
	if (!row && bucket) await rateLimit.recordHit(db, bucket);
	return row?.applicationId ?? null;
}

/** Expired links are of no use to anyone: the digest job clears them. */
export async function deleteExpiredLinks(db: Database, now: Date): Promise<void> {
	await db.delete(guardianLinks).where(lt(guardianLinks.expiresAt, now));
}
