import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as trials from '$lib/server/trials';
import * as documents from '$lib/server/documents';
import { translate } from '$lib/server/i18n';
import type { PageServerLoad } from './$types';

/** An A4 flyer or poster for one ref code: the coming trial sessions and a QR code to book, counted for the code. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const code = await trials.getReferralCode(locals.db, params.id);
	if (!code || code.archivedAt) error(404, 'referrals_error_not_found');
	const link = `${locals.config.origin}/?ref=${code.code}`;
	const sessions = await trials.listUpcomingTrials(locals.db, new Date(), 3);
	return {
		code: { id: code.id, code: code.code, name: code.name },
		link,
		qr: documents.qrSvg(link, translate('referrals_flyer_qr_label')),
		sessions: sessions.map(({ id, title, startsAt, endsAt, venue, whatToBring }) => ({ id, title, startsAt, endsAt, venue, whatToBring }))
	};
};
