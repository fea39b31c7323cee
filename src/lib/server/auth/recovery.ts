import type { Database } from '../db';
import * as mail from '../mail';
import { findUserByEmail, markEmailVerified, setPassword } from './accounts';
import { issueLink, redeemLink } from './links';
import type { PasswordProblem } from './password';
import { ok, refuse, refusalOf, Refused, type Outcome } from '../outcome';

/**
 * Always looks the same to the caller, whether or not the email belongs to an account; 'throttled' when the address
 * or the IP address asked too often (counted before the address is looked up, so that reveals nothing either).
 */
export async function requestPasswordReset(db: Database, request: { email: string; ip: string }, origin: string): Promise<Outcome<'throttled'>> {
	if (!(await mail.allowFormMail(db, 'reset-password', { address: request.email, ip: request.ip }))) return refuse('throttled');
	const user = await findUserByEmail(db, request.email);
	if (!user || user.disabledAt) return ok;
	const token = await issueLink(db, { purpose: 'reset_password', userId: user.id, email: user.email });
	const link = `${origin}/reset-password?token=${token}`;
	await mail.enqueueMail(db, { kind: 'reset_password', to: user.email, ...mail.passwordResetMail(user.locale, { name: user.displayName, link }) });
	return ok;
}

/** Sets the new password and ends every session; false when the link is unknown, used or expired. */
/** A password the policy refuses leaves the link usable for another try. */
export async function resetPassword(db: Database, token: string, newPassword: string): Promise<Outcome<'reset_invalid_link' | PasswordProblem>> {
	return refusalOf(() =>
		db.transaction(async (tx) => {
			const redeemed = await redeemLink(tx, 'reset_password', token);
			if (!redeemed) return refuse('reset_invalid_link');
			const changed = await setPassword(tx, redeemed.userId, newPassword, { email: redeemed.email });
			// Thrown, so that the link's redemption is rolled back with it.
			if (!changed.ok) throw new Refused(changed.problem);
			// Following the link proved the person reads that inbox.
			await markEmailVerified(tx, redeemed.userId, redeemed.email);
			return ok;
		})
	);
}
