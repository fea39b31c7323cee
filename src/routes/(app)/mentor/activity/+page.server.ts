import * as auth from '$lib/server/auth';
import * as certificates from '$lib/server/certificates';
import { failWith, parseForm } from '$lib/server/forms';
import { mentorCertificateForm } from '$lib/validation/certificates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireRole(locals, 'mentor', url);
	const [record, issued] = await Promise.all([certificates.mentorRecord(locals.db, user.id), certificates.listOwnCertificates(locals.db, user.id)]);
	return {
		name: record.name,
		organisation: record.organisation,
		years: record.years.map(({ schoolYear, sessions, hours, reviews }) => ({ schoolYear, sessions, hours, reviews })),
		issued: issued.filter((certificate) => certificate.kind === 'mentor_year')
	};
};

export const actions: Actions = {
	issue: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'mentor');
		const form = await request.formData();
		const parsed = parseForm(mentorCertificateForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await certificates.issueMentorCertificate(locals.db, user.id, parsed.data.schoolYear);
		if (!outcome.ok) return failWith(form, outcome.problem, undefined, outcome.problem === 'certificates_error_rate_limited' ? 429 : 400);
		return { issued: outcome.code };
	}
};
