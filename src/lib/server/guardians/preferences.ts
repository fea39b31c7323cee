// The guardian's choices at consent (the monthly digest, and the language of every mail to them), the receipt mailed
// to them, and unsubscribing by the link in each digest, without an account.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import type { Locale } from '../db/schema';
import * as mail from '../mail';
import * as membership from '../membership';
import { japanDate } from '../../japan-time';
import { issueGuardianLink, linkLifetimeMs, resolveGuardianLink } from './links';
import { guardianPreferences } from './schema';

export interface ConsentChoices {
	digest: boolean;
	locale: Locale;
}

export interface LinkContext {
	now: Date;
	/** The asking address, charged for unknown tokens (links.ts). */
	ip?: string;
}

/**
 * The guardian's answer to the consent request. On consent their choices are recorded with the time, in the same
 * transaction, and a receipt goes to them: how to ask for the child's data and, with the digest, how to stop it.
 */
export async function answerConsent(
	db: Database,
	token: string,
	decision: 'consent' | 'decline',
	choices: ConsentChoices,
	origin: string,
	now = new Date()
): Promise<boolean> {
	return membership.decideConsent(db, token, decision, now, async (tx, application) => {
		if (decision !== 'consent' || !application.guardianEmail) return;
		await tx
			.insert(guardianPreferences)
			.values({ applicationId: application.id, locale: choices.locale, digest: choices.digest, chosenAt: now })
			.onConflictDoNothing();
		const dataLink = `${origin}/guardians/data/${await issueGuardianLink(tx, application.id, 'data', now)}`;
		const unsubscribeLink = choices.digest ? `${origin}/guardians/unsubscribe/${await issueGuardianLink(tx, application.id, 'unsubscribe', now)}` : null;
		await mail.enqueueMail(tx, {
			kind: 'guardian_consent_receipt',
			to: application.guardianEmail,
			...mail.guardianConsentReceiptMail(choices.locale, {
				nickname: application.nickname ?? '',
				dataLink,
				dataLinkExpiresOn: japanDate(new Date(now.getTime() + linkLifetimeMs.data)),
				unsubscribeLink
			})
		});
	});
}

/** The language of mails to the guardian of an application: their choice at consent, else Japanese. */
export async function guardianLocale(db: Database, applicationId: string): Promise<Locale> {
	const [row] = await db.select({ locale: guardianPreferences.locale }).from(guardianPreferences).where(eq(guardianPreferences.applicationId, applicationId));
	return row?.locale ?? 'ja';
}

export interface Subscription {
	nickname: string;
	locale: Locale;
	subscribed: boolean;
}

/** What an unsubscribe link is for (shown before the guardian confirms); null for an unknown or expired link. */
export async function findSubscription(db: Database, token: string, context: LinkContext): Promise<Subscription | null> {
	const applicationId = await resolveGuardianLink(db, token, 'unsubscribe', context);
	if (!applicationId) return null;
	const [preferences] = await db.select().from(guardianPreferences).where(eq(guardianPreferences.applicationId, applicationId));
	const child = await membership.findGuardianChild(db, applicationId);
	if (!preferences || !child) return null;
	return { nickname: child.nickname, locale: preferences.locale, subscribed: preferences.digest && !preferences.unsubscribedAt };
}

/**
 * Stops the digest of the link's child (RFC 8058 one-click, or the confirmation page's button). The link is the only
 * key: no account, no cookie. True also when it was already stopped; false for an unknown or expired link.
 */
export async function unsubscribe(db: Database, token: string, context: LinkContext): Promise<boolean> {
	const applicationId = await resolveGuardianLink(db, token, 'unsubscribe', context);
	if (!applicationId) return false;
	await db
		.update(guardianPreferences)
		.set({ unsubscribedAt: context.now })
		.where(and(eq(guardianPreferences.applicationId, applicationId), eq(guardianPreferences.digest, true), isNull(guardianPreferences.unsubscribedAt)));
	return true;
}
