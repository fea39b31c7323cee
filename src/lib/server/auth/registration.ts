import type { Database } from '../db';
import type { Locale } from '../db/schema';
import * as mail from '../mail';
import * as rateLimit from '../ratelimit';
import { createAccount, findUserById, markEmailVerified } from './accounts';
import { issueLink, redeemLink } from './links';
import { createSession } from './session';

export interface Registration {
	email: string;
	password: string;
	displayName: string;
	locale: Locale;
}

/** Creates the account, mails a verification link and signs the person in. */
export async function register(db: Database, registration: Registration, origin: string) {
	return db.transaction(async (tx) => {
		const { id } = await createAccount(tx, registration);
		await sendVerificationMail(tx, { id, email: registration.email, displayName: registration.displayName, locale: registration.locale }, origin);
		return createSession(tx, id);
	});
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

/** False when too many were sent in the last hour. */
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
