import type { Database } from '../db';
import * as mail from '../mail';
import * as rateLimit from '../ratelimit';
import { findUserByEmail, markEmailVerified, setPassword } from './accounts';
import { issueLink, redeemLink } from './links';

const resetMailWindow = { limit: 3, windowMs: 60 * 60 * 1000 };

/** Always looks the same to the caller, whether or not the email belongs to an account. */
export async function requestPasswordReset(db: Database, email: string, origin: string): Promise<void> {
	const user = await findUserByEmail(db, email);
	if (!user || user.disabledAt) return;
	// Caps how many reset mails one inbox can be sent, so the form cannot be used to flood someone.
	if (!(await rateLimit.tryConsume(db, `reset-mail:${user.id}`, resetMailWindow))) return;
	const token = await issueLink(db, { purpose: 'reset_password', userId: user.id, email: user.email });
	const link = `${origin}/reset-password?token=${token}`;
	await mail.enqueueMail(db, { kind: 'reset_password', to: user.email, ...mail.passwordResetMail(user.locale, { name: user.displayName, link }) });
}

/** Sets the new password and ends every session; false when the link is unknown, used or expired. */
export async function resetPassword(db: Database, token: string, newPassword: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const redeemed = await redeemLink(tx, 'reset_password', token);
		if (!redeemed) return false;
		await setPassword(tx, redeemed.userId, newPassword, { email: redeemed.email });
		// Following the link proved the person reads that inbox.
		await markEmailVerified(tx, redeemed.userId, redeemed.email);
		return true;
	});
}
