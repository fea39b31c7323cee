// The mails of a trial booking, in the language the booking was made in. Each carries the booking's own link
// (view, cancel, apply) only when the mail is the one that hands it out; later mails point to where it was sent.
import * as m from '../../paraglide/messages.js';
import * as mail from '../mail';
import type { Locale } from '../db/schema';
import { formatSessionTime } from '$lib/japan-time';

export type TrialMailKind = 'booked' | 'waitlisted' | 'promoted' | 'cancelled' | 'session_cancelled' | 'reminder' | 'invitation';

interface Session {
	title: string;
	startsAt: Date;
	endsAt: Date;
	venue: string | null;
	mapUrl: string | null;
	whatToBring: string | null;
}

export function trialBookingMail(kind: TrialMailKind, locale: Locale, to: { nickname: string; session: Session; link: string }): mail.ComposedMail {
	const { session } = to;
	const details = m.trials_mail_details(
		{
			title: session.title,
			when: formatSessionTime(session.startsAt, session.endsAt, locale),
			venue: session.venue ?? '-',
			map: session.mapUrl ?? '-',
			bring: session.whatToBring ?? '-'
		},
		{ locale }
	);
	const values = { nickname: to.nickname, title: session.title, link: to.link, details };
	const texts: Record<TrialMailKind, [string, string]> = {
		booked: [m.trials_mail_booked_subject(values, { locale }), m.trials_mail_booked_body(values, { locale })],
		waitlisted: [m.trials_mail_waitlisted_subject(values, { locale }), m.trials_mail_waitlisted_body(values, { locale })],
		promoted: [m.trials_mail_promoted_subject(values, { locale }), m.trials_mail_promoted_body(values, { locale })],
		cancelled: [m.trials_mail_cancelled_subject(values, { locale }), m.trials_mail_cancelled_body(values, { locale })],
		session_cancelled: [m.trials_mail_session_cancelled_subject(values, { locale }), m.trials_mail_session_cancelled_body(values, { locale })],
		reminder: [m.trials_mail_reminder_subject(values, { locale }), m.trials_mail_reminder_body(values, { locale })],
		invitation: [m.trials_mail_invitation_subject(values, { locale }), m.trials_mail_invitation_body(values, { locale })]
	};
	const [subject, text] = texts[kind];
	return { subject, text: mail.signed(locale, text) };
}
