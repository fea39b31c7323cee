// Mails are written in the recipient's language through the same message files as the UI.
import * as m from '../../paraglide/messages.js';
import type { Locale } from '../db/schema';

export interface ComposedMail {
	subject: string;
	text: string;
	/** Headers beyond From/To/Subject, such as List-Unsubscribe. */
	headers?: Record<string, string>;
}

const signature = (locale: Locale) => `\n\n-- \n${m.mail_signature({}, { locale })}`;

/** A mail body with the portal's signature, for domains that compose their own mails. */
export const signed = (locale: Locale, text: string) => text + signature(locale);

export function verificationMail(locale: Locale, to: { name: string; link: string }): ComposedMail {
	return {
		subject: m.mail_verify_subject({}, { locale }),
		text: m.mail_verify_body({ name: to.name, link: to.link }, { locale }) + signature(locale)
	};
}

export function registrationMail(locale: Locale, to: { link: string }): ComposedMail {
	return {
		subject: m.mail_register_subject({}, { locale }),
		text: m.mail_register_body({ link: to.link }, { locale }) + signature(locale)
	};
}

/** To the owner of an address someone tried to sign up with again. */
export function registrationAttemptMail(locale: Locale, to: { name: string; loginLink: string; resetLink: string }): ComposedMail {
	return {
		subject: m.mail_register_existing_subject({}, { locale }),
		text: m.mail_register_existing_body(to, { locale }) + signature(locale)
	};
}

export function passwordResetMail(locale: Locale, to: { name: string; link: string }): ComposedMail {
	return {
		subject: m.mail_reset_subject({}, { locale }),
		text: m.mail_reset_body({ name: to.name, link: to.link }, { locale }) + signature(locale)
	};
}

export function consentRequestMail(locale: Locale, to: { guardianName: string; childName: string; link: string; expiresOn: string }): ComposedMail {
	return {
		subject: m.consent_mail_subject({ childName: to.childName }, { locale }),
		text: m.consent_mail_body(to, { locale }) + signature(locale)
	};
}

export function consentGivenMail(locale: Locale, to: { name: string }): ComposedMail {
	return {
		subject: m.join_mail_consented_subject({}, { locale }),
		text: m.join_mail_consented_body(to, { locale }) + signature(locale)
	};
}

export function consentDeclinedMail(locale: Locale, to: { name: string }): ComposedMail {
	return {
		subject: m.join_mail_declined_subject({}, { locale }),
		text: m.join_mail_declined_body(to, { locale }) + signature(locale)
	};
}

export function membershipApprovedMail(locale: Locale, to: { name: string; memberNumber: string; link: string }): ComposedMail {
	return {
		subject: m.join_mail_approved_subject({}, { locale }),
		text: m.join_mail_approved_body(to, { locale }) + signature(locale)
	};
}

export function membershipRejectedMail(locale: Locale, to: { name: string; reason: string }): ComposedMail {
	return {
		subject: m.join_mail_rejected_subject({}, { locale }),
		text: m.join_mail_rejected_body(to, { locale }) + signature(locale)
	};
}

export function mentorApprovedMail(locale: Locale, to: { name: string; link: string }): ComposedMail {
	return {
		subject: m.mentor_mail_approved_subject({}, { locale }),
		text: m.mentor_mail_approved_body(to, { locale }) + signature(locale)
	};
}

export function mentorRejectedMail(locale: Locale, to: { name: string; reason: string }): ComposedMail {
	return {
		subject: m.mentor_mail_rejected_subject({}, { locale }),
		text: m.mentor_mail_rejected_body(to, { locale }) + signature(locale)
	};
}

/** A notification (notifications/kinds.ts) as a mail, with the way to turn such mails off. */
export function notificationMail(locale: Locale, to: { name: string; title: string; body: string; link: string; settingsLink: string }): ComposedMail {
	return {
		subject: m.notify_mail_subject({ title: to.title }, { locale }),
		text: m.notify_mail_body(to, { locale }) + signature(locale)
	};
}

/** RFC 2369 and RFC 8058: mail programs show an unsubscribe button that POSTs to the link, without a login. */
export function oneClickUnsubscribeHeaders(link: string): Record<string, string> {
	return { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

export interface GuardianDigestContent {
	nickname: string;
	/** The month as the guardian reads it: "2026年11月" / "November 2026". */
	month: string;
	attended: string[];
	solved: string[];
	topics: string[];
	upcoming: Array<{ line: string; signedUp: boolean }>;
	unsubscribeLink: string;
	dataLink: string;
}

/** The monthly digest to a guardian (guardians/digest.ts): only their child's activity and the club's calendar. */
export function guardianDigestMail(locale: Locale, digest: GuardianDigestContent): ComposedMail {
	const list = (lines: string[]) => (lines.length ? lines.map((line) => `・${line}`).join('\n') : m.guardians_digest_none({}, { locale }));
	const sections = [
		m.guardians_digest_intro({ nickname: digest.nickname, month: digest.month }, { locale }),
		`${m.guardians_digest_attended({ count: digest.attended.length }, { locale })}\n${list(digest.attended)}`,
		`${m.guardians_digest_solved({ count: digest.solved.length }, { locale })}\n${list(digest.solved)}`,
		`${m.guardians_digest_topics({}, { locale })}\n${list(digest.topics)}`,
		`${m.guardians_digest_upcoming({}, { locale })}\n${list(digest.upcoming.map((session) => (session.signedUp ? `${session.line} ${m.guardians_digest_signed_up({}, { locale })}` : session.line)))}`,
		m.guardians_digest_footer({ unsubscribeLink: digest.unsubscribeLink, dataLink: digest.dataLink }, { locale })
	];
	return {
		subject: m.guardians_digest_subject({ nickname: digest.nickname, month: digest.month }, { locale }),
		text: sections.join('\n\n') + signature(locale),
		headers: oneClickUnsubscribeHeaders(digest.unsubscribeLink)
	};
}

/** To the guardian once they consented: how to ask about the child's data and, with the digest, how to stop it. */
export function guardianConsentReceiptMail(
	locale: Locale,
	to: { nickname: string; dataLink: string; dataLinkExpiresOn: string; unsubscribeLink: string | null }
): ComposedMail {
	const body = m.guardians_receipt_body({ nickname: to.nickname, dataLink: to.dataLink, expiresOn: to.dataLinkExpiresOn }, { locale });
	const digest = to.unsubscribeLink ? `\n\n${m.guardians_receipt_digest({ unsubscribeLink: to.unsubscribeLink }, { locale })}` : '';
	return {
		subject: m.guardians_receipt_subject({ nickname: to.nickname }, { locale }),
		text: body + digest + signature(locale),
		...(to.unsubscribeLink ? { headers: oneClickUnsubscribeHeaders(to.unsubscribeLink) } : {})
	};
}

export function guardianExportMail(locale: Locale, to: { nickname: string; link: string; expiresOn: string }): ComposedMail {
	return {
		subject: m.guardians_export_subject({ nickname: to.nickname }, { locale }),
		text: m.guardians_export_body(to, { locale }) + signature(locale)
	};
}
