// A certificate's PDF, for its holder only: anyone else (another student, another mentor) finds nothing here, and
// sees only the verification page.
import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as certificates from '$lib/server/certificates';
import { pdfDownloadHeaders } from '$lib/server/documents';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { user } = auth.requireUser(locals, url);
	const certificate = await certificates.ownCertificate(locals.db, user.id, params.code);
	if (!certificate) error(404, 'certificates_error_not_found');
	const pdf = await certificates.certificatePdf(certificate, locals.config.origin);
	return new Response(pdf, { headers: pdfDownloadHeaders(certificates.certificateFileName(certificate)) });
};
