// Every kind of notification: who can receive it, whether it also comes by mail unless the person says otherwise,
// and how it reads in a given language. A new feature adds its kind here and calls `notify`; the table, the inbox,
// the unread count, the mail and the preferences in the settings follow by themselves.
import * as m from '../../paraglide/messages.js';
import type { Locale, Role } from '../db/schema';
import { formatSessionTime } from '../../japan-time';

/** A club session as a notification remembers it (the session may change later; the notification says what was). */
export interface SessionPayload {
	sessionId: string;
	title: string;
	/** ISO instants. */
	startsAt: string;
	endsAt: string;
	venue: string | null;
	online: boolean;
}

/** A review event: where to read it, the exercise, and who acted (a student's nickname or a mentor's display name). */
export interface ReviewPayload {
	/** A path inside the portal, e.g. /mentor/reviews/123. */
	path: string;
	/** The exercise's title in the recipient's language when it was sent (all that notifications before 2026-12 hold). */
	exerciseTitle: string;
	/** The title in each language, so that the notification reads in whatever language its reader now uses. */
	exerciseTitles?: Record<Locale, string>;
	name: string;
}

const exerciseOf = (payload: ReviewPayload, locale: Locale) => payload.exerciseTitles?.[locale] ?? payload.exerciseTitle;

export interface NotificationPayloads {
	review_requested: ReviewPayload;
	review_posted: ReviewPayload;
	review_reply: ReviewPayload;
	review_resubmitted: ReviewPayload;
	session_reminder: SessionPayload;
	waitlist_promoted: SessionPayload;
	session_changed: SessionPayload;
	session_cancelled: SessionPayload;
}
export type NotificationKind = keyof NotificationPayloads;

export interface RenderedNotification {
	title: string;
	body: string;
	/** Where the notification leads, inside the portal. */
	path: string;
}

interface KindDefinition<K extends NotificationKind> {
	/** Whether it comes by mail for someone who never chose. */
	mailByDefault: boolean;
	/** The roles for whom the settings offer the mail preference. */
	audience: readonly Role[];
	render(payload: NotificationPayloads[K], locale: Locale): RenderedNotification;
}

function session(payload: SessionPayload, locale: Locale) {
	return {
		title: payload.title,
		when: formatSessionTime(payload.startsAt, payload.endsAt, locale),
		place: payload.venue ?? m.session_online({}, { locale })
	};
}

const sessionPath = (payload: SessionPayload) => `/sessions/${payload.sessionId}`;

export const notificationKinds: { [K in NotificationKind]: KindDefinition<K> } = {
	review_requested: {
		mailByDefault: false,
		audience: ['mentor'],
		render: (payload, locale) => ({
			title: m.notify_review_requested_title({ exercise: exerciseOf(payload, locale) }, { locale }),
			body: m.notify_review_requested_body({ exercise: exerciseOf(payload, locale), name: payload.name }, { locale }),
			path: payload.path
		})
	},
	review_posted: {
		mailByDefault: true,
		audience: ['student'],
		render: (payload, locale) => ({
			title: m.notify_review_posted_title({ exercise: exerciseOf(payload, locale) }, { locale }),
			body: m.notify_review_posted_body({ exercise: exerciseOf(payload, locale), name: payload.name }, { locale }),
			path: payload.path
		})
	},
	review_reply: {
		mailByDefault: true,
		audience: ['student', 'mentor'],
		render: (payload, locale) => ({
			title: m.notify_review_reply_title({ exercise: exerciseOf(payload, locale) }, { locale }),
			body: m.notify_review_reply_body({ exercise: exerciseOf(payload, locale), name: payload.name }, { locale }),
			path: payload.path
		})
	},
	review_resubmitted: {
		mailByDefault: true,
		audience: ['mentor'],
		render: (payload, locale) => ({
			title: m.notify_review_resubmitted_title({ exercise: exerciseOf(payload, locale) }, { locale }),
			body: m.notify_review_resubmitted_body({ exercise: exerciseOf(payload, locale), name: payload.name }, { locale }),
			path: payload.path
		})
	},
	session_reminder: {
		mailByDefault: true,
		audience: ['student', 'mentor'],
		render: (payload, locale) => ({
			title: m.notify_session_reminder_title({ title: payload.title }, { locale }),
			body: m.notify_session_reminder_body(session(payload, locale), { locale }),
			path: sessionPath(payload)
		})
	},
	waitlist_promoted: {
		mailByDefault: true,
		audience: ['student'],
		render: (payload, locale) => ({
			title: m.notify_waitlist_promoted_title({ title: payload.title }, { locale }),
			body: m.notify_waitlist_promoted_body(session(payload, locale), { locale }),
			path: sessionPath(payload)
		})
	},
	session_changed: {
		mailByDefault: true,
		audience: ['student', 'mentor'],
		render: (payload, locale) => ({
			title: m.notify_session_changed_title({ title: payload.title }, { locale }),
			body: m.notify_session_changed_body(session(payload, locale), { locale }),
			path: sessionPath(payload)
		})
	},
	session_cancelled: {
		mailByDefault: true,
		audience: ['student', 'mentor'],
		render: (payload, locale) => ({
			title: m.notify_session_cancelled_title({ title: payload.title }, { locale }),
			body: m.notify_session_cancelled_body(session(payload, locale), { locale }),
			path: sessionPath(payload)
		})
	}
};

export const notificationKindIds = Object.keys(notificationKinds) as NotificationKind[];

export function isNotificationKind(value: string): value is NotificationKind {
	return Object.hasOwn(notificationKinds, value);
}

/** The text of a stored notification; null for a kind this version does not know (or a payload it cannot read). */
export function renderNotification(kind: string, payload: unknown, locale: Locale): RenderedNotification | null {
	if (!isNotificationKind(kind)) return null;
	try {
		return (notificationKinds[kind] as KindDefinition<NotificationKind>).render(payload as never, locale);
	} catch {
		return null;
	}
}

/** The kinds whose mail someone with these roles can choose. */
export function kindsFor(roles: readonly Role[]): NotificationKind[] {
	return notificationKindIds.filter((kind) => notificationKinds[kind].audience.some((role) => roles.includes(role)));
}
