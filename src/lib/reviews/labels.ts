// What people read for the review vocabulary (src/lib/server/reviews/schema.ts), and how long something has waited.
import { m } from '$lib/paraglide/messages.js';

type Labels = Record<string, () => string>;

const statuses: Labels = {
	waiting: m.review_status_waiting,
	claimed: m.review_status_claimed,
	answered: m.review_status_answered,
	closed: m.review_status_closed
};
const studentStatuses: Labels = {
	waiting: m.review_student_status_waiting,
	claimed: m.review_student_status_claimed,
	answered: m.review_student_status_answered,
	closed: m.review_status_closed
};
// Nouns for badges and lists: "相談する" is what the student chooses, not what a discussion is.
const kinds: Labels = { review: m.review_kind_badge_review, help: m.review_kind_badge_help };
const outcomes: Labels = { approved: m.review_outcome_approved, changes_requested: m.review_outcome_changes_requested };
const closedReasons: Labels = { approved: m.review_closed_approved, resolved: m.review_closed_resolved, withdrawn: m.review_closed_withdrawn };

/** A discussion's state for mentors and coordinators; a closed one says how it ended (合格, 解決, 取り下げ). */
export const reviewStatusLabel = (status: string, closedReason?: string | null) =>
	status === 'closed' && closedReason ? closedReasonLabel(closedReason) : (statuses[status]?.() ?? status);
/** The same for the student, saying whose turn it is ("あなたが直す番です"). */
export const studentStatusLabel = (status: string, closedReason?: string | null) =>
	status === 'closed' && closedReason ? closedReasonLabel(closedReason) : (studentStatuses[status]?.() ?? status);
export const reviewKindLabel = (kind: string) => kinds[kind]?.() ?? kind;
export const reviewOutcomeLabel = (outcome: string) => outcomes[outcome]?.() ?? outcome;
export const closedReasonLabel = (reason: string) => closedReasons[reason]?.() ?? reason;

/** How long since then: "3日と4時間", "2時間", "15分" (or English), the largest two units, never seconds. */
export function formatWait(since: Date | string, now = new Date()): string {
	return formatDuration(now.getTime() - new Date(since).getTime());
}

/** How long until then, in the same words. */
export function formatRemaining(until: Date | string, now = new Date()): string {
	return formatDuration(new Date(until).getTime() - now.getTime());
}

function formatDuration(milliseconds: number): string {
	// Under a minute still reads as one: "0分" looks like a mistake.
	const minutes = Math.max(1, Math.floor(milliseconds / 60_000));
	const days = Math.floor(minutes / (24 * 60));
	const hours = Math.floor((minutes % (24 * 60)) / 60);
	if (days > 0) return hours > 0 ? m.review_wait_days_hours({ days, hours }) : m.review_wait_days({ days });
	if (hours > 0) return m.review_wait_hours({ hours });
	return m.review_wait_minutes({ minutes });
}
