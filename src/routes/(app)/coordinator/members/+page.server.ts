import * as auth from '$lib/server/auth';
import * as membership from '$lib/server/membership';
import { parseMemberFilter } from '$lib/validation/membership';
import type { PageServerLoad } from './$types';

const pageSize = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const filter = parseMemberFilter(url.searchParams);
	const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get('page')) || 1));
	const [{ members, total }, joinYears] = await Promise.all([
		membership.listMembers(locals.db, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
		membership.listJoinYears(locals.db)
	]);
	return {
		members,
		total,
		page,
		pageSize,
		filter,
		joinYears,
		schools: membership.schools.map(({ code, name }) => ({ code, name }))
	};
};
