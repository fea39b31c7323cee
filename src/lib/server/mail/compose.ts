// Mails are written in the recipient's language through the same message files as the UI.
import * as m from '../../paraglide/messages.js';
import type { Locale } from '../db/schema';

export interface ComposedMail {
	subject: string;
	text: string;
}

const signature = (locale: Locale) => `\n\n-- \n${m.mail_signature({}, { locale })}`;

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
