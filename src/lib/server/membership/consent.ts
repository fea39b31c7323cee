// The guardian's single-use consent link: mailed to the guardian, valid 14 days, only a hash of the token stored.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { generateSecret, hashSecret } from '../auth';
import { guardianConsentLinks } from './schema';

export const consentLinkLifetimeMs = 14 * 24 * 60 * 60 * 1000;

const tokenPattern = /^[a-z2-7]{32}$/;

/** A new link replaces the application's earlier unused ones. */
export async function issueConsentLink(db: Database, applicationId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
	const token = generateSecret(20);
	const expiresAt = new Date(now.getTime() + consentLinkLifetimeMs);
	await db.delete(guardianConsentLinks).where(and(eq(guardianConsentLinks.applicationId, applicationId), isNull(guardianConsentLinks.usedAt)));
	await db.insert(guardianConsentLinks).values({ tokenHash: hashSecret(token), applicationId, createdAt: now, expiresAt });
	return { token, expiresAt };
}

/** The application a link still works for (unknown, used and expired links give null), without using it up. */
export async function peekConsentLink(db: Database, token: string, now = new Date()): Promise<string | null> {
	if (!tokenPattern.test(token)) return null;
	const [row] = await db
		.select({ applicationId: guardianConsentLinks.applicationId })
		.from(guardianConsentLinks)
		.where(and(eq(guardianConsentLinks.tokenHash, hashSecret(token)), isNull(guardianConsentLinks.usedAt), gt(guardianConsentLinks.expiresAt, now)));
	return row?.applicationId ?? null;
}

/** Uses the link up; the application it was for, or null when unknown, used or expired. */
export async function redeemConsentLink(db: Database, token: string, now = new Date()): Promise<string | null> {
	if (!tokenPattern.test(token)) return null;
	const [row] = await db
		.update(guardianConsentLinks)
		.set({ usedAt: now })
		.where(and(eq(guardianConsentLinks.tokenHash, hashSecret(token)), isNull(guardianConsentLinks.usedAt), gt(guardianConsentLinks.expiresAt, now)))
		.returning({ applicationId: guardianConsentLinks.applicationId });
	return row?.applicationId ?? null;
}
