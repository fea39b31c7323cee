// Visits through a ref code, counted first-party and anonymously: one number per code and Japan day. Nothing about
// the visitor is stored. A browser counts once per code and day because the response leaves a first-party cookie
// holding only the code and the day (visitCookie); a browser that refuses cookies counts on every visit, which is
// the price of identifying nobody (no IP address, no fingerprint, nothing hashed and kept).
import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import { japanDate } from '$lib/japan-time';
import { findActiveCode, normaliseCode } from './codes';
import { referralVisits } from './schema';

export const visitCookieName = 'itbu_ref';
/** How long a booking made later still names the code followed: a week (the cookie says nothing else). */
export const visitCookieMaxAgeSeconds = 7 * 24 * 60 * 60;

/** The cookie's value: `code.day`. */
export const visitCookie = (code: string, day: string) => `${code}.${day}`;

export function readVisitCookie(value: string | undefined): { code: string; day: string } | null {
	const match = /^([a-z0-9-]{2,32})\.(\d{4}-\d{2}-\d{2})$/.exec(value ?? '');
	return match && normaliseCode(match[1]) ? { code: match[1]!, day: match[2]! } : null;
}

/**
 * A visit through `?ref=value` from a browser whose cookie says `previous`: counts it unless this browser was
 * already counted for this code today. Returns the cookie to leave (null: an unknown or archived code, no cookie).
 */
export async function recordVisit(db: Database, value: string, previous: string | undefined, now = new Date()): Promise<string | null> {
	const code = await findActiveCode(db, value);
	if (!code) return null;
	const day = japanDate(now);
	const seen = readVisitCookie(previous);
	if (seen?.code === code.code && seen.day === day) return visitCookie(code.code, day);
	await db
		.insert(referralVisits)
		.values({ codeId: code.id, day, visits: 1 })
		.onConflictDoUpdate({ target: [referralVisits.codeId, referralVisits.day], set: { visits: sql`${referralVisits.visits} + 1` } });
	return visitCookie(code.code, day);
}
