import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as sessions from '$lib/server/club-sessions';
import { csvDownloadHeaders } from '$lib/server/csv';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const { user } = auth.requireRole(locals, 'coordinator');
	const exported = await sessions.exportAttendance(locals.db, user, params.id, locals.locale);
	if (!exported) error(404, 'session_not_found');
	return new Response(exported.csv, { headers: csvDownloadHeaders(exported.fileName) });
};
