// The audit log read as sentences: who did what to whom, with links to the member, application, mentor, session or
// discussion concerned. The log holds only ids and counts (audit/index.ts); the page looks the names up (`AuditSubjects`)
// and this file puts them into the words of the page's language.
import { m } from '$lib/paraglide/messages.js';
import { formatDate, gradeLabel, statusLabel } from '$lib/membership/labels';
import { certificateKindLabel } from '$lib/certificates/labels';
import type { AuditAction, AuditEntry } from '$lib/server/audit';

/** The names behind the ids of a page of entries, looked up when the page is read. */
export interface AuditSubjects {
	members: Record<string, { name: string | null; number: string }>;
	applications: Record<string, { name: string | null }>;
	mentorApplications: Record<string, { name: string }>;
	mentors: Record<string, { name: string }>;
	sessions: Record<string, { title: string; startsAt: Date | string }>;
	reviews: Record<string, { exercise: string; student: string }>;
	groups: Record<string, { name: string }>;
}

/** A piece of a sentence: plain words, or a name that links to its page. */
export interface SentencePart {
	text: string;
	href?: string;
}

type Params = Record<string, unknown>;
type Template = (params: never) => string;

const actionLabels: Record<AuditAction, () => string> = {
	member_viewed: m.audit_action_member_viewed,
	members_exported: m.audit_action_members_exported,
	kpi_exported: m.audit_action_kpi_exported,
	funnel_exported: m.audit_action_funnel_exported,
	application_viewed: m.audit_action_application_viewed,
	application_approved: m.audit_action_application_approved,
	application_rejected: m.audit_action_application_rejected,
	member_status_changed: m.audit_action_member_status_changed,
	member_note_added: m.audit_action_member_note_added,
	member_anonymised: m.audit_action_member_anonymised,
	roster_imported: m.audit_action_roster_imported,
	target_changed: m.audit_action_target_changed,
	own_data_exported: m.audit_action_own_data_exported,
	deletion_requested: m.audit_action_deletion_requested,
	mentor_application_viewed: m.audit_action_mentor_application_viewed,
	mentor_approved: m.audit_action_mentor_approved,
	mentor_rejected: m.audit_action_mentor_rejected,
	mentor_deactivated: m.audit_action_mentor_deactivated,
	mentor_reactivated: m.audit_action_mentor_reactivated,
	attendance_exported: m.audit_action_attendance_exported,
	review_viewed: m.audit_action_review_viewed,
	review_settings_changed: m.audit_action_review_settings_changed,
	group_viewed: m.audit_action_group_viewed,
	certificate_revoked: m.audit_action_certificate_revoked,
	organisation_report_exported: m.audit_action_organisation_report_exported,
	trial_bookings_viewed: m.audit_action_trial_bookings_viewed
};

/** The filter's name for each kind of entry. */
export const auditActionLabel = (action: AuditAction): string => actionLabels[action]();

const marker = (key: string) => `\u0000${key}\u0000`;

/** Fills a message with markers, then splits it there, so that names can become links inside translated words. */
function fill(template: Template, values: Record<string, SentencePart | string | number>): SentencePart[] {
	const params = Object.fromEntries(Object.keys(values).map((key) => [key, marker(key)]));
	const parts: SentencePart[] = [];
	template(params as never)
		.split(/\u0000(\w+)\u0000/)
		.forEach((piece, index) => {
			if (index % 2 === 0) {
				if (piece) parts.push({ text: piece });
				return;
			}
			const value = values[piece];
			parts.push(typeof value === 'object' ? value : { text: String(value ?? '') });
		});
	return parts;
}

export function auditSentence(entry: Pick<AuditEntry, 'action' | 'actorName' | 'memberId' | 'detail'>, subjects: AuditSubjects): SentencePart[] {
	const detail = entry.detail as Params;
	const text = (key: string) => String(detail[key] ?? '');
	const count = (key: string) => Number(detail[key] ?? 0);
	const actor = entry.actorName;
	const member = (id: string | null | undefined): SentencePart => {
		const label = id ? subjects.members[id] : undefined;
		if (!id || !label) return { text: m.audit_member_unknown() };
		return {
			text: label.name ? m.audit_member_named({ name: label.name, number: label.number }) : m.audit_member_anonymised({ number: label.number }),
			href: `/coordinator/members/${id}`
		};
	};
	const applicant = (id: string): SentencePart => {
		const name = subjects.applications[id]?.name;
		return name ? { text: name, href: `/coordinator/applications/${id}` } : { text: m.audit_subject_unknown() };
	};
	const mentorApplicant = (id: string): SentencePart => {
		const name = subjects.mentorApplications[id]?.name;
		return name ? { text: name, href: `/coordinator/mentors/applications/${id}` } : { text: m.audit_subject_unknown() };
	};
	const mentor = (id: string): SentencePart => {
		const name = subjects.mentors[id]?.name;
		return name ? { text: name, href: '/coordinator/mentors' } : { text: m.audit_subject_unknown() };
	};
	const sessionPart = (href: string): SentencePart => {
		const session = subjects.sessions[text('sessionId')];
		return session ? { text: m.audit_session_named({ title: session.title, date: formatDate(session.startsAt) }), href } : { text: m.audit_subject_unknown() };
	};

	switch (entry.action) {
		case 'member_viewed':
			return fill(m.audit_sentence_member_viewed, { actor, member: member(entry.memberId) });
		case 'members_exported':
			return fill(m.audit_sentence_members_exported, { actor, count: count('count'), filter: exportFilter(detail) });
		case 'kpi_exported':
			return fill(m.audit_sentence_kpi_exported, { actor, asOf: text('asOf') });
		case 'funnel_exported':
			return fill(m.audit_sentence_funnel_exported, { actor, asOf: text('asOf') });
		case 'application_viewed':
			return fill(m.audit_sentence_application_viewed, { actor, applicant: applicant(text('applicationId')) });
		case 'application_approved':
			return fill(m.audit_sentence_application_approved, { actor, applicant: applicant(text('applicationId')), member: member(entry.memberId) });
		case 'application_rejected':
			return fill(m.audit_sentence_application_rejected, { actor, applicant: applicant(text('applicationId')) });
		case 'member_status_changed':
			return fill(m.audit_sentence_member_status_changed, {
				actor,
				member: member(entry.memberId),
				from: statusLabel(text('from')),
				to: statusLabel(text('to')),
				changedOn: text('changedOn')
			});
		case 'member_note_added':
			return fill(m.audit_sentence_member_note_added, { actor, member: member(entry.memberId) });
		case 'member_anonymised':
			return fill(m.audit_sentence_member_anonymised, { actor, member: member(entry.memberId) });
		case 'roster_imported':
			return fill(m.audit_sentence_roster_imported, {
				actor,
				imported: count('imported'),
				unchanged: count('unchanged'),
				encoding: encodingName(text('encoding'))
			});
		case 'target_changed':
			return fill(m.audit_sentence_target_changed, {
				actor,
				fromCount: count('fromCount'),
				fromDate: text('fromDate'),
				toCount: count('toCount'),
				toDate: text('toDate')
			});
		case 'own_data_exported':
			// A guardian acting through a mailed link has no account: the log names them by the child.
			if (detail.byGuardian === true) return fill(m.audit_sentence_own_data_exported_by_guardian, { member: member(entry.memberId) });
			return entry.memberId
				? fill(m.audit_sentence_own_data_exported, { actor, member: member(entry.memberId) })
				: fill(m.audit_sentence_own_data_exported_nonmember, { actor });
		case 'deletion_requested':
			if (detail.erased === true) return fill(m.audit_sentence_application_erased_by_guardian, { applicant: applicant(text('applicationId')) });
			if (detail.byGuardian === true) return fill(m.audit_sentence_deletion_requested_by_guardian, { member: member(entry.memberId) });
			return fill(m.audit_sentence_deletion_requested, { actor, member: member(entry.memberId) });
		case 'mentor_application_viewed':
			return fill(m.audit_sentence_mentor_application_viewed, { actor, applicant: mentorApplicant(text('applicationId')) });
		case 'mentor_approved':
			return fill(m.audit_sentence_mentor_approved, { actor, applicant: mentorApplicant(text('applicationId')) });
		case 'mentor_rejected':
			return fill(m.audit_sentence_mentor_rejected, { actor, applicant: mentorApplicant(text('applicationId')) });
		case 'mentor_deactivated':
			return fill(m.audit_sentence_mentor_deactivated, {
				actor,
				mentor: mentor(text('userId')),
				signUps: count('cancelledSignUps'),
				reviews: count('releasedReviews')
			});
		case 'mentor_reactivated':
			return fill(m.audit_sentence_mentor_reactivated, { actor, mentor: mentor(text('userId')) });
		case 'attendance_exported':
			return fill(m.audit_sentence_attendance_exported, { actor, session: sessionPart(`/coordinator/sessions/${text('sessionId')}`), count: count('count') });
		case 'trial_bookings_viewed':
			return fill(m.audit_sentence_trial_bookings_viewed, { actor, session: sessionPart(`/coordinator/trials/${text('sessionId')}`), count: count('count') });
		case 'review_viewed': {
			const id = text('requestId');
			const review = subjects.reviews[id];
			return fill(m.audit_sentence_review_viewed, {
				actor,
				student: review?.student ?? m.audit_subject_unknown(),
				exercise: review ? { text: review.exercise, href: `/reviews/${id}` } : { text: m.audit_subject_unknown() }
			});
		}
		case 'review_settings_changed':
			return fill(m.audit_sentence_review_settings_changed, { actor, fromDays: count('fromDays'), toDays: count('toDays') });
		case 'group_viewed': {
			const id = text('groupId');
			const group = subjects.groups[id];
			return fill(m.audit_sentence_group_viewed, { actor, group: group ? { text: group.name, href: `/groups/${id}` } : { text: m.audit_subject_unknown() } });
		}
		case 'certificate_revoked':
			return fill(m.audit_sentence_certificate_revoked, {
				actor,
				kind: { text: certificateKindLabel(text('kind')), href: '/coordinator/certificates?status=revoked' }
			});
		case 'organisation_report_exported':
			return fill(m.audit_sentence_organisation_report_exported, {
				actor,
				organisation: { text: text('organisation'), href: `/coordinator/organisations/${text('organisationId')}/report` },
				year: count('schoolYear'),
				format: text('format').toUpperCase(),
				count: count('count')
			});
	}
}

function exportFilter(detail: Params): string {
	const parts = [
		detail.search ? m.audit_filter_search({ value: String(detail.search) }) : '',
		detail.school ? m.audit_filter_school({ value: String(detail.school) }) : '',
		detail.grade ? m.audit_filter_grade({ value: gradeLabel(String(detail.grade)) }) : '',
		detail.status ? m.audit_filter_status({ value: statusLabel(String(detail.status)) }) : '',
		detail.joinYear ? m.audit_filter_year({ value: String(detail.joinYear) }) : ''
	].filter(Boolean);
	return parts.length ? parts.join(m.list_separator()) : m.audit_filter_none();
}

const encodingNames: Record<string, string> = { 'utf-8': 'UTF-8', shift_jis: 'Shift_JIS' };
const encodingName = (encoding: string) => encodingNames[encoding.toLowerCase()] ?? encoding;

/** Every id an entry names, by kind, for the page to look up. */
export function auditSubjectIds(entries: Array<Pick<AuditEntry, 'action' | 'memberId' | 'detail'>>) {
	const ids = {
		members: [] as string[],
		applications: [] as string[],
		mentorApplications: [] as string[],
		mentors: [] as string[],
		sessions: [] as string[],
		reviews: [] as string[],
		groups: [] as string[]
	};
	for (const entry of entries) {
		const detail = entry.detail as Params;
		if (entry.memberId) ids.members.push(entry.memberId);
		const id = (key: string) => (typeof detail[key] === 'string' ? (detail[key] as string) : undefined);
		if (entry.action.startsWith('mentor_') && id('applicationId')) ids.mentorApplications.push(id('applicationId')!);
		else if (id('applicationId')) ids.applications.push(id('applicationId')!);
		if (id('userId')) ids.mentors.push(id('userId')!);
		if (id('sessionId')) ids.sessions.push(id('sessionId')!);
		if (id('requestId')) ids.reviews.push(id('requestId')!);
		if (id('groupId')) ids.groups.push(id('groupId')!);
	}
	return ids;
}
