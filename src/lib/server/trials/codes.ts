// Ref codes: one per flyer, school or event, so the club sees which of them brings people (`?ref=CODE` in a link or
// a QR code). A code is short and readable, typed by a coordinator or made up here, and read case-insensitively.
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';
import * as audit from '../audit';
import type { Channel } from '$lib/referrals/channels';
import { referralCodes, type ReferralCode } from './schema';
import { ok, refuse, type Outcome } from '../outcome';
import { isUuid } from '../ids';

/** Lower-case letters, digits and inner hyphens: easy to read aloud and to type from paper. */
export const codePattern = /^[a-z0-9][a-z0-9-]{1,31}$/;

/** The stored form of what someone typed or a link carried; null when it cannot be a code. */
export function normaliseCode(value: string | null | undefined): string | null {
	const code = (value ?? '').trim().toLowerCase();
	return codePattern.test(code) ? code : null;
}

/** Six characters without the ones people confuse on paper (0/o, 1/l/i). */
export function generateCode(): string {
	const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
	return [...crypto.getRandomValues(new Uint8Array(6))].map((byte) => alphabet[byte % alphabet.length]).join('');
}

export type CodeProblem = 'referrals_error_code_taken' | 'referrals_error_not_found';

export async function createReferralCode(
	db: Database,
	actor: audit.Actor,
	input: { code: string | null; name: string; channel: Channel },
	now = new Date()
): Promise<Outcome<CodeProblem, { id: string; code: string }>> {
	for (let attempt = 0; attempt < 5; attempt++) {
		const code = input.code ?? generateCode();
		const [created] = await db
			.insert(referralCodes)
			.values({ code, name: input.name, channel: input.channel, createdBy: actor.id, createdAt: now })
			.onConflictDoNothing()
			.returning({ id: referralCodes.id, code: referralCodes.code });
		if (created) return { ok: true, ...created };
		if (input.code) return refuse('referrals_error_code_taken');
	}
	return refuse('referrals_error_code_taken');
}

/** Archived codes stop counting visits and attributing bookings; their figures stay. */
export async function setCodeArchived(db: Database, codeId: string, archived: boolean, now = new Date()): Promise<Outcome<CodeProblem>> {
	if (!isUuid(codeId)) return refuse('referrals_error_not_found');
	const [row] = await db
		.update(referralCodes)
		.set({ archivedAt: archived ? now : null })
		.where(eq(referralCodes.id, codeId))
		.returning({ id: referralCodes.id });
	return row ? ok : refuse('referrals_error_not_found');
}

/** The code a link names, when it is one in use. */
export async function findActiveCode(db: Database, value: string | null | undefined): Promise<ReferralCode | null> {
	const code = normaliseCode(value);
	if (!code) return null;
	const [row] = await db
		.select()
		.from(referralCodes)
		.where(and(eq(referralCodes.code, code), isNull(referralCodes.archivedAt)));
	return row ?? null;
}

export async function getReferralCode(db: Database, codeId: string): Promise<ReferralCode | null> {
	if (!isUuid(codeId)) return null;
	const [row] = await db.select().from(referralCodes).where(eq(referralCodes.id, codeId));
	return row ?? null;
}

export interface CodeFigures extends ReferralCode {
	visits: number;
	bookings: number;
	attended: number;
	applications: number;
	approved: number;
}

/**
 * Every code with what it brought: visits (browsers per day), trial bookings (not cancelled), who came, applications
 * and approvals. Each figure is an aggregate of its own table, so one large table never multiplies another.
 */
export async function listCodeFigures(db: Database): Promise<CodeFigures[]> {
	const rows = await selectRows<{
		id: string;
		visits: number;
		bookings: number;
		attended: number;
		applications: number;
		approved: number;
	}>(
		db,
		sql`select code.id,
				coalesce((select sum(visit.visits) from referral_visits visit where visit.code_id = code.id), 0)::int as visits,
				(select count(*) from trial_bookings booking where booking.ref_code_id = code.id and booking.status <> 'cancelled')::int as bookings,
				(select count(*) from trial_bookings booking where booking.ref_code_id = code.id and booking.attended_at is not null)::int as attended,
				(select count(*) from member_applications application where application.ref_code_id = code.id)::int as applications,
				(select count(*) from member_applications application where application.ref_code_id = code.id and application.status = 'approved')::int as approved
			from referral_codes code`
	);
	const figures = new Map(rows.map((row) => [row.id, row]));
	const codes = await db
		.select()
		.from(referralCodes)
		.orderBy(sql`${referralCodes.archivedAt} is not null`, desc(referralCodes.createdAt), asc(referralCodes.code));
	return codes.map((code) => {
		const row = figures.get(code.id);
		return {
			...code,
			visits: Number(row?.visits ?? 0),
			bookings: Number(row?.bookings ?? 0),
			attended: Number(row?.attended ?? 0),
			applications: Number(row?.applications ?? 0),
			approved: Number(row?.approved ?? 0)
		};
	});
}
