import type { Database } from '../db';
import * as mail from '../mail';
import { findUserByEmail, markEmailVerified, setPassword } from './accounts';
import { issueLink, redeemLink } from './links';

/**
 * Always looks the same to the caller, whether or not the email belongs to an account; 'throttled' when the address
 * or the IP address asked too often (counted before the address is looked up, so that reveals nothing either).
 */
export async function requestPasswordReset(db: Database, request: { email: string; ip: string }, origin: string): Promise<'sent' | 'throttled'> {
	if (!(await mail.allowFormMail(db, 'reset-password', { address: request.email, ip: request.ip }))) return 'throttled';
	const user = await findUserByEmail(db, request.email);
	if (!user || user.disabledAt) return 'sent';
	const token = await issueLink(db, { purpose: 'reset_password', userId: user.id, email: user.email });
	const link = `${origin}/reset-password?token=${token}`;
	await mail.enqueueMail(db, { kind: 'reset_password', to: user.email, ...mail.passwordResetMail(user.locale, { name: user.displayName, link }) });
	return 'sent';
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
