import { error } from '@sveltejs/kit';
import * as mail from '$lib/server/mail';
import type { PageServerLoad } from './$types';

// Development only (config.mailViewer is refused together with SMTP_URL): shows what would have been mailed.
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.config.mailViewer) error(404, 'not found');
	const to = url.searchParams.get('to')?.trim() || undefined;
	const mails = await mail.listRecentMails(locals.db, { to });
	return {
		to: to ?? '',
		mails: mails.map((row) => ({
			id: row.id,
			to: row.toAddress,
			subject: row.subject,
			text: row.textBody,
			headers: row.headers,
			createdAt: row.createdAt.toISOString(),
			sent: row.sentAt !== null
		}))
	};
};
