// Signing up: the registration form only mails a link; the account is made when the owner of the address opens it
// and chooses a name and a password. The form answers the same for a new and for an existing address (whose owner
// is told by mail instead), so it tells nobody which addresses have accounts.
import { and, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { registrationLinks, type Locale, type RegistrationIntent } from '../db/schema';
import * as mail from '../mail';
import * as rateLimit from '../ratelimit';
import { AccountError, createAccount, findUserByEmail, findUserById, markEmailVerified, normalizeEmail } from './accounts';
import { issueLink, redeemLink } from './links';
import { createSession } from './session';
import { generateSecret, hashSecret } from './token';
import type { PasswordProblem } from './password';
import { ok, refuse, refusalOf, type Outcome } from '../outcome';

export const registrationLinkLifetimeMs = 48 * 60 * 60 * 1000;

export interface RegistrationRequest {
	email: string;
	locale: Locale;
	/** What the person came to do, to continue there once the account exists. */
	intent: RegistrationIntent | null;
	ip: string;
}

/** 'throttled' when the address or the IP address asked too often (the same for new and existing addresses). */
export async function requestRegistration(db: Database, request: RegistrationRequest, origin: string, now = new Date()): Promise<Outcome<'throttled'>> {
	if (!(await mail.allowFormMail(db, 'register', { address: request.email, ip: request.ip }))) return refuse('throttled');
	await db.transaction(async (tx) => {
		await tx.delete(registrationLinks).where(or(lt(registrationLinks.expiresAt, now), isNotNull(registrationLinks.usedAt)));
		const existing = await findUserByEmail(tx, request.email);
		if (existing) {
			if (existing.disabledAt) return;
			await mail.enqueueMail(tx, {
				kind: 'registration_attempt',
				to: existing.email,
				...mail.registrationAttemptMail(existing.locale, {
					name: existing.displayName,
					loginLink: `${origin}/login`,
					resetLink: `${origin}/forgot-password`
				})
			});
			return;
		}
		const token = generateSecret(20);
		await tx.insert(registrationLinks).values({
			tokenHash: hashSecret(token),
			email: normalizeEmail(request.email),
			locale: request.locale,
			intent: request.intent,
			expiresAt: new Date(now.getTime() + registrationLinkLifetimeMs)
		});
		const link = `${origin}/register/complete?token=${token}`;
		await mail.enqueueMail(tx, { kind: 'registration', to: normalizeEmail(request.email), ...mail.registrationMail(request.locale, { link }) });
	});
	return ok;
}

const tokenPattern = /^[a-z2-7]{32}$/;

function usableLink(token: string, now: Date) {
	return and(eq(registrationLinks.tokenHash, hashSecret(token)), isNull(registrationLinks.usedAt), gt(registrationLinks.expiresAt, now));
}

/** The address a registration link is for, while it can still be used. */
export async function findRegistrationLink(db: Database, token: string, now = new Date()): Promise<{ email: string } | null> {
	if (!tokenPattern.test(token)) return null;
	const [link] = await db.select({ email: registrationLinks.email }).from(registrationLinks).where(usableLink(token, now));
	return link ?? null;
}

export type CompletionResult = Outcome<
	'register_link_invalid' | 'register_email_taken' | PasswordProblem,
	{ token: string; session: Awaited<ReturnType<typeof createSession>>['session']; intent: RegistrationIntent | null }
>;

/**
 * Makes the account (its address proven by the link) with the name and password chosen now, and signs the person
 * in. A password the policy refuses leaves the link usable for another try (the AccountError createAccount throws rolls the
 * link's use back).
 */
export async function completeRegistration(
	db: Database,
	completion: { token: string; displayName: string; password: string },
	now = new Date()
): Promise<CompletionResult> {
	if (!tokenPattern.test(completion.token)) return refuse('register_link_invalid');
	return refusalOf(() =>
		db.transaction(async (tx) => {
			const [link] = await tx.update(registrationLinks).set({ usedAt: now }).where(usableLink(completion.token, now)).returning();
			if (!link) return refuse('register_link_invalid');
			let account: { id: string };
			try {
				account = await createAccount(tx, {
					email: link.email,
					password: completion.password,
					displayName: completion.displayName,
					locale: link.locale,
					emailVerified: true
				});
			} catch (error) {
				if (error instanceof AccountError && error.problem === 'email_taken') return refuse('register_email_taken');
				throw error;
			}
			await tx.delete(registrationLinks).where(sql`lower(${registrationLinks.email}) = lower(${link.email})`);
			const { token, session } = await createSession(tx, account.id);
			return { ok: true, token, session, intent: link.intent };
		})
	);
}

export async function sendVerificationMail(
	db: Database,
	user: { id: string; email: string; displayName: string; locale: Locale },
	origin: string
): Promise<void> {
	const token = await issueLink(db, { purpose: 'verify_email', userId: user.id, email: user.email });
	const link = `${origin}/verify-email?token=${token}`;
	await mail.enqueueMail(db, { kind: 'verify_email', to: user.email, ...mail.verificationMail(user.locale, { name: user.displayName, link }) });
}

const resendWindow = { limit: 3, windowMs: 60 * 60 * 1000 };

/** For accounts whose address is not proven yet (made by a coordinator or before sign-up used links); false when too many were sent in the last hour. */
export async function resendVerificationMail(db: Database, userId: string, origin: string): Promise<boolean> {
	const user = await findUserById(db, userId);
	if (!user || user.emailVerifiedAt) return true;
	if (!(await rateLimit.tryConsume(db, `verify-mail:${user.id}`, resendWindow))) return false;
	await sendVerificationMail(db, user, origin);
	return true;
}

/** True when the link was valid and the address it was sent to is now verified. */
export async function verifyEmail(db: Database, token: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const redeemed = await redeemLink(tx, 'verify_email', token);
		if (!redeemed) return false;
		await markEmailVerified(tx, redeemed.userId, redeemed.email);
		return true;
	});
}
