// Forms that send a mail to an address someone typed (sign-up, password reset, a guardian's consent) are limited per
// address, so that no inbox can be flooded through them, and per IP address, so that one visitor cannot mail many
// addresses. The limits are counted before anything is known about the address, so they reveal nothing either.
import type { Database } from '../db';
import * as rateLimit from '../ratelimit';

const hour = 60 * 60 * 1000;

export const mailFormWindows = {
	/** Mails to one address from all the forms together. */
	address: { limit: 3, windowMs: hour },
	/** Mails one IP address can cause through one form (a school shares one address: a club signing up together fits). */
	ip: { limit: 20, windowMs: hour }
};

export type MailForm = 'register' | 'reset-password' | 'guardian-consent' | 'trial-booking';

/** Counts one mail of `form` to `address`, asked for from `ip` (when known); false when over a limit. */
export async function allowFormMail(db: Database, form: MailForm, request: { address: string; ip?: string }): Promise<boolean> {
	const limits: rateLimit.Limit[] = [
		{ bucket: rateLimit.bucketFor('mail-form:address', request.address.trim().toLowerCase()), window: mailFormWindows.address }
	];
	if (request.ip) limits.push({ bucket: rateLimit.bucketFor(`mail-form:ip:${form}`, request.ip), window: mailFormWindows.ip });
	return (await rateLimit.consumeAll(db, limits)) !== null;
}
