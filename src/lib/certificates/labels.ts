// How pages name a certificate and say what it certifies, in the page's language, from the facts frozen in it
// (the PDF itself is always in Japanese: server/certificates/render.ts).
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { formatDate } from '$lib/membership/labels';
import type { CertificateFacts, CertificateKind } from '$lib/server/certificates/schema';

const kindLabels: Record<CertificateKind, () => string> = {
	track: m.certificates_kind_track,
	school_year: m.certificates_kind_school_year,
	mentor_year: m.certificates_kind_mentor_year
};

export function certificateKindLabel(kind: string): string {
	return (kindLabels as Record<string, (() => string) | undefined>)[kind]?.() ?? kind;
}

export function schoolYearLabel(year: number): string {
	return m.certificates_school_year({ year, next: year + 1 });
}

/** One sentence of what the certificate certifies. */
export function certificateSummary(facts: CertificateFacts): string {
	switch (facts.kind) {
		case 'track':
			return m.certificates_summary_track({
				track: getLocale() === 'en' ? facts.titleEn : facts.titleJa,
				count: facts.exercises,
				date: formatDate(`${facts.completedOn}T12:00:00+09:00`)
			});
		case 'school_year':
			return m.certificates_summary_school_year({ year: schoolYearLabel(facts.schoolYear), solved: facts.solved, sessions: facts.sessions });
		case 'mentor_year':
			return m.certificates_summary_mentor_year({
				year: schoolYearLabel(facts.schoolYear),
				sessions: facts.sessions,
				hours: facts.hours,
				reviews: facts.reviews
			});
	}
}

/** Whether the figures were counted before the school year ended (then the page says as of when). */
export function countedBeforeYearEnd(facts: CertificateFacts): boolean {
	return facts.kind !== 'track' && facts.asOf < `${facts.schoolYear + 1}-03-31`;
}

export function certificateStatusLabel(status: 'valid' | 'revoked' | 'replaced'): string {
	return { valid: m.certificates_status_valid, revoked: m.certificates_status_revoked, replaced: m.certificates_status_replaced }[status]();
}
