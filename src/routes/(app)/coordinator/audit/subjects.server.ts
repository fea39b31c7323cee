// The names behind a page of audit entries, each asked of the domain that owns it (the audit log keeps only ids).
import type { Database } from '$lib/server/db';
import * as membership from '$lib/server/membership';
import * as mentoring from '$lib/server/mentoring';
import * as reviews from '$lib/server/reviews';
import * as sessions from '$lib/server/club-sessions';
import * as groups from '$lib/server/groups';
import type { AuditEntry } from '$lib/server/audit';
import { auditSubjectIds, type AuditSubjects } from '$lib/audit/sentences';

export async function lookUpSubjects(db: Database, entries: AuditEntry[], locale: 'ja' | 'en'): Promise<AuditSubjects> {
	const ids = auditSubjectIds(entries);
	const [members, applications, mentorApplications, mentors, sessionRows, requestLabels, groupLabels] = await Promise.all([
		membership.memberLabels(db, ids.members),
		membership.applicationLabels(db, ids.applications),
		mentoring.mentorApplicationLabels(db, ids.mentorApplications),
		mentoring.mentorNames(db, ids.mentors),
		sessions.getSessions(db, [...new Set(ids.sessions)]),
		reviews.requestLabels(db, ids.reviews, locale),
		groups.groupLabels(db, ids.groups)
	]);
	return {
		members,
		applications,
		mentorApplications,
		mentors,
		sessions: Object.fromEntries(sessionRows.map((session) => [session.id, { title: session.title, startsAt: session.startsAt }])),
		reviews: requestLabels,
		groups: groupLabels
	};
}
