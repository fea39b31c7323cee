import nodemailer from 'nodemailer';
import type { MailTransport } from './outbox';

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
	const transporter = nodemailer.createTransport(smtpUrl);
	return {
		async send(mail) {
			await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
		}
	};
}
