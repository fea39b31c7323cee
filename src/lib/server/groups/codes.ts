// Join codes: what a student types (or scans as a QR link) to join a group. A code is ten characters from an alphabet
// without look-alikes (no I, O, 0 or 1), about 50 bits, shown once when a coordinator makes it and kept only as its
// SHA-256. Codes expire; making a new one revokes the group's older ones. Attempts are counted per account and per
// address before the lookup, so guessing is both throttled and, at 2^50 codes, hopeless.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { userRoles } from '../db/schema';
import * as audit from '../audit';
import * as ratelimit from '../ratelimit';
import { isUuid } from '../ids';
import { refuse, type Outcome } from '../outcome';
import { groupJoinCodes, groupMembers, groups } from './schema';

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const codeLength = 10;

/** How long a new code may stay valid, in days (the coordinator picks one). */
export const codeLifetimes = [1, 7, 14, 30, 90] as const;
export type CodeLifetime = (typeof codeLifetimes)[number];

/** Attempts at a code: per account, and per address across accounts (a classroom shares one address). */
export const joinAttemptLimits = {
	perAccount: { limit: 10, windowMs: 15 * 60_000 },
	perAddress: { limit: 60, windowMs: 15 * 60_000 }
} satisfies Record<string, ratelimit.Window>;

/** A new code, grouped in fives for reading aloud: `ABCDE-FGH23`. */
export function generateCode(): string {
	// 32 letters: each random byte's low five bits pick one without bias.
	const letters = [...randomBytes(codeLength)].map((byte) => alphabet[byte & 31]);
	return `${letters.slice(0, 5).join('')}-${letters.slice(5).join('')}`;
}

/** What was typed, without spaces, dashes or case; null when it cannot be a code at all. */
export function normaliseCode(typed: string): string | null {
	const letters = typed.toUpperCase().replace(/[\s\-ー－‐]/g, '');
	if (letters.length !== codeLength || [...letters].some((letter) => !alphabet.includes(letter))) return null;
	return letters;
}

function hashCode(normalised: string): Uint8Array {
	return new Uint8Array(createHash('sha256').update(normalised).digest());
}

export type CodeProblem = 'groups_error_not_found' | 'groups_error_archived';

/** Makes the group's new join code, revoking the older ones. The code is returned here and never again. */
export async function issueJoinCode(
	db: Database,
	actor: audit.Actor,
	groupId: string,
	lifetimeDays: CodeLifetime,
	now = new Date()
): Promise<Outcome<CodeProblem, { code: string; expiresAt: Date }>> {
	if (!isUuid(groupId)) return refuse('groups_error_not_found');
	return db.transaction(async (tx): Promise<Outcome<CodeProblem, { code: string; expiresAt: Date }>> => {
		const [group] = await tx.select({ archivedAt: groups.archivedAt }).from(groups).where(eq(groups.id, groupId)).for('update');
		if (!group) return refuse('groups_error_not_found');
		if (group.archivedAt) return refuse('groups_error_archived');
		await tx
			.update(groupJoinCodes)
			.set({ revokedAt: now })
			.where(and(eq(groupJoinCodes.groupId, groupId), isNull(groupJoinCodes.revokedAt)));
		const code = generateCode();
		const expiresAt = new Date(now.getTime() + lifetimeDays * 86_400_000);
		await tx.insert(groupJoinCodes).values({ groupId, codeHash: hashCode(normaliseCode(code)!), expiresAt, createdBy: actor.id, createdAt: now });
		return { ok: true, code, expiresAt };
	});
}

/** Takes the group's codes back: nobody can join with them any more. */
export async function revokeJoinCodes(db: Database, groupId: string, now = new Date()): Promise<void> {
	if (!isUuid(groupId)) return;
	await db
		.update(groupJoinCodes)
		.set({ revokedAt: now })
		.where(and(eq(groupJoinCodes.groupId, groupId), isNull(groupJoinCodes.revokedAt)));
}

/** When the group's current code was made and until when it works (never the code); null without one. */
export async function joinCodeStatus(db: Database, groupId: string, now = new Date()): Promise<{ createdAt: Date; expiresAt: Date } | null> {
	if (!isUuid(groupId)) return null;
	const [current] = await db
		.select({ createdAt: groupJoinCodes.createdAt, expiresAt: groupJoinCodes.expiresAt })
		.from(groupJoinCodes)
		.where(and(eq(groupJoinCodes.groupId, groupId), isNull(groupJoinCodes.revokedAt), gt(groupJoinCodes.expiresAt, now)))
		.orderBy(desc(groupJoinCodes.createdAt))
		.limit(1);
	return current ?? null;
}

export type JoinProblem =
	'groups_error_code_format' | 'groups_error_code_unknown' | 'groups_error_code_expired' | 'groups_error_too_many_attempts' | 'groups_error_students_only';

/**
 * A student joins the group whose code they typed. Every well-formed attempt counts against the account's and the
 * address's limits before the code is looked up; a successful one is forgiven, so typos never lock out a student
 * who then gets it right.
 */
export async function joinWithCode(
	db: Database,
	student: { id: string; address: string },
	typed: string,
	now = new Date()
): Promise<Outcome<JoinProblem, { groupId: string; groupName: string; alreadyMember: boolean }>> {
	const normalised = normaliseCode(typed);
	if (!normalised) return refuse('groups_error_code_format');
	const hits = await ratelimit.consumeAll(db, [
		{ bucket: `group-join:account:${student.id}`, window: joinAttemptLimits.perAccount },
		{ bucket: ratelimit.bucketFor('group-join:address', student.address), window: joinAttemptLimits.perAddress }
	]);
	if (!hits) return refuse('groups_error_too_many_attempts');
	const [role] = await db
		.select({ role: userRoles.role })
		.from(userRoles)
		.where(and(eq(userRoles.userId, student.id), eq(userRoles.role, 'student')));
	if (!role) return refuse('groups_error_students_only');
	const [found] = await db
		.select({
			groupId: groups.id,
			groupName: groups.name,
			archivedAt: groups.archivedAt,
			expiresAt: groupJoinCodes.expiresAt,
			revokedAt: groupJoinCodes.revokedAt
		})
		.from(groupJoinCodes)
		.innerJoin(groups, eq(groups.id, groupJoinCodes.groupId))
		.where(eq(groupJoinCodes.codeHash, hashCode(normalised)));
	if (!found) return refuse('groups_error_code_unknown');
	if (found.revokedAt || found.archivedAt || found.expiresAt <= now) return refuse('groups_error_code_expired');
	const inserted = await db
		.insert(groupMembers)
		.values({ groupId: found.groupId, userId: student.id, joinedAt: now })
		.onConflictDoNothing()
		.returning({ userId: groupMembers.userId });
	await ratelimit.forgetHits(db, hits);
	return { ok: true, groupId: found.groupId, groupName: found.groupName, alreadyMember: inserted.length === 0 };
}
