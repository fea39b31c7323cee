import * as auth from '$lib/server/auth';
import * as certificates from '$lib/server/certificates';
import { failWith, parseForm } from '$lib/server/forms';
import { studentCertificateForm } from '$lib/validation/certificates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireRole(locals, 'student', url);
	const [achievements, names, issued] = await Promise.all([
		certificates.studentAchievements(locals.db, user.id),
		certificates.holderNames(locals.db, user.id),
		certificates.listOwnCertificates(locals.db, user.id)
	]);
	return {
		tracks: achievements.tracks.map(({ track, exercises, solved, facts }) => ({
			id: track.id,
			title: track.title,
			exercises,
			solved,
			complete: facts !== null
		})),
		schoolYears: achievements.schoolYears.map(({ schoolYear, solved, sessions, issuable }) => ({ schoolYear, solved, sessions, issuable })),
		names: names ?? { nickname: null, fullName: null },
		issued
	};
};

export const actions: Actions = {
	issue: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'student');
		const form = await request.formData();
		const parsed = parseForm(studentCertificateForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await certificates.issueStudentCertificate(locals.db, user.id, parsed.data);
		if (!outcome.ok) return failWith(form, outcome.problem, undefined, outcome.problem === 'certificates_error_rate_limited' ? 429 : 400);
		return { issued: outcome.code };
	}
};
