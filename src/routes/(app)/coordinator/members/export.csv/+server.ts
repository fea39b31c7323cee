import * as auth from '$lib/server/auth';
import * as membership from '$lib/server/membership';
import { japanDate } from '$lib/japan-time';
import { csvDownloadHeaders } from '$lib/server/csv';
import { parseMemberFilter } from '$lib/validation/membership';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const { user } = auth.requireRole(locals, 'coordinator');
	const { csv } = await membership.exportMembers(locals.db, user, parseMemberFilter(url.searchParams));
	return new Response(csv, { headers: csvDownloadHeaders(`kanazawa-itbu-members-${japanDate()}.csv`) });
};
