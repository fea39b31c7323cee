import nodemailer, { type Transporter } from 'nodemailer';
import type { MailTransport } from './outbox';

/** Mails through nodemailer; headers such as List-Unsubscribe go out as they were stored. */
export function nodemailerTransport(transporter: Transporter, from: string): MailTransport {
	return {
		async send(mail) {
			await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
		}
	};
}

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
	return nodemailerTransport(nodemailer.createTransport(smtpUrl), from);
}
