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

export function passwordResetMail(locale: Locale, to: { name: string; link: string }): ComposedMail {
	return {
		subject: m.mail_reset_subject({}, { locale }),
		text: m.mail_reset_body({ name: to.name, link: to.link }, { locale }) + signature(locale)
	};
}
