// Single-use, expiring links sent by mail: email verification and password reset.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { authTokens, type AuthTokenPurpose } from '../db/schema';
import { generateSecret, hashSecret } from './token';

export const linkLifetimeMs: Record<AuthTokenPurpose, number> = {
	verify_email: 48 * 60 * 60 * 1000,
	reset_password: 60 * 60 * 1000
};

export async function issueLink(db: Database, link: { purpose: AuthTokenPurpose; userId: string; email: string }, now = new Date()): Promise<string> {
	const token = generateSecret(20);
	// A new link replaces any earlier unused one of the same purpose.
	await db.delete(authTokens).where(and(eq(authTokens.userId, link.userId), eq(authTokens.purpose, link.purpose), isNull(authTokens.usedAt)));
	await db.insert(authTokens).values({
		tokenHash: hashSecret(token),
		purpose: link.purpose,
		userId: link.userId,
		email: link.email,
		expiresAt: new Date(now.getTime() + linkLifetimeMs[link.purpose])
	});
	return token;
}

/** Marks the link used and returns whom it was for; null when unknown, used or expired. */
export async function redeemLink(db: Database, purpose: AuthTokenPurpose, token: string, now = new Date()): Promise<{ userId: string; email: string } | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const [redeemed] = await db
		.update(authTokens)
		.set({ usedAt: now })
		.where(and(eq(authTokens.tokenHash, hashSecret(token)), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
		.returning({ userId: authTokens.userId, email: authTokens.email });
	return redeemed ?? null;
}

/** Checks a link without using it up (to show the reset form only for a link that still works). */
export async function isLinkValid(db: Database, purpose: AuthTokenPurpose, token: string, now = new Date()): Promise<boolean> {
	if (!/^[a-z2-7]{32}$/.test(token)) return false;
	const [row] = await db
		.select({ userId: authTokens.userId })
		.from(authTokens)
		.where(and(eq(authTokens.tokenHash, hashSecret(token)), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)));
	return row !== undefined;
}
