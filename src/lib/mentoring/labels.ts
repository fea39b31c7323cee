// What people read for the stored vocabularies of mentoring, sessions and notifications
// (src/lib/server/mentoring/vocabulary.ts, src/lib/server/notifications/kinds.ts).
import { m } from '$lib/paraglide/messages.js';

type Labels = Record<string, () => string>;

const affiliations: Labels = {
	faculty: m.mentor_affiliation_faculty,
	university_student: m.mentor_affiliation_university_student,
	company_engineer: m.mentor_affiliation_company_engineer,
	other: m.mentor_affiliation_other
};
const topics: Labels = {
	basics: m.mentor_topic_basics,
	algorithms: m.mentor_topic_algorithms,
	web: m.mentor_topic_web,
	games: m.mentor_topic_games,
	apps: m.mentor_topic_apps,
	data_ai: m.mentor_topic_data_ai,
	electronics: m.mentor_topic_electronics,
	security: m.mentor_topic_security,
	competitive: m.mentor_topic_competitive,
	career: m.mentor_topic_career
};
const availability: Labels = {
	weekday_evening: m.mentor_availability_weekday_evening,
	saturday: m.mentor_availability_saturday,
	sunday: m.mentor_availability_sunday,
	online_reviews: m.mentor_availability_online_reviews
};
const organisationKinds: Labels = { university: m.org_kind_university, company: m.org_kind_company, other: m.org_kind_other };
const applicationStatuses: Labels = {
	awaiting_review: m.mentor_application_status_awaiting_review,
	approved: m.mentor_application_status_approved,
	rejected: m.mentor_application_status_rejected,
	withdrawn: m.mentor_application_status_withdrawn
};
const notificationKinds: Labels = {
	review_requested: m.notify_kind_review_requested,
	review_posted: m.notify_kind_review_posted,
	review_reply: m.notify_kind_review_reply,
	session_reminder: m.notify_kind_session_reminder,
	waitlist_promoted: m.notify_kind_waitlist_promoted,
	session_changed: m.notify_kind_session_changed,
	session_cancelled: m.notify_kind_session_cancelled
};
const participation: Labels = { confirmed: m.session_status_confirmed, waitlisted: m.session_status_waitlisted };

const label = (table: Labels) => (key: string | null | undefined) => (key ? (table[key]?.() ?? key) : '—');

export const affiliationLabel = label(affiliations);
export const topicLabel = label(topics);
export const availabilityLabel = label(availability);
export const organisationKindLabel = label(organisationKinds);
export const mentorApplicationStatusLabel = label(applicationStatuses);
export const notificationKindLabel = label(notificationKinds);
export const participationLabel = label(participation);
