import * as auth from '$lib/server/auth';
import * as certificates from '$lib/server/certificates';
import { failWith, inSection, parseForm } from '$lib/server/forms';
import { revokeCertificateForm } from '$lib/validation/certificates';
import type { Actions, PageServerLoad } from './$types';

const statuses = ['valid', 'revoked'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const requested = url.searchParams.get('status');
	const status = statuses.find((candidate) => candidate === requested);
	return { status: status ?? '', certificates: await certificates.listCertificates(locals.db, { status }) };
};

export const actions: Actions = {
	revoke: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const section = String(form.get('id') ?? '');
		const parsed = parseForm(revokeCertificateForm, form);
		if (!parsed.ok) return inSection(parsed.failure, section);
		const outcome = await certificates.revokeCertificate(locals.db, user, parsed.data.id, parsed.data.reason);
		if (!outcome.ok) return inSection(failWith(form, outcome.problem, undefined, outcome.problem === 'certificates_error_not_found' ? 404 : 400), section);
		return { revoked: parsed.data.id };
	}
};
