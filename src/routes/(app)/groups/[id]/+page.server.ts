import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as groups from '$lib/server/groups';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { user } = auth.requireAnyRole(locals, ['mentor', 'coordinator'], url);
	const progress = await groups.viewGroupProgress(locals.db, user, params.id, { page: Number(url.searchParams.get('page') ?? 1) });
	// The same answer for a group that does not exist and one the mentor is not assigned to.
	if (!progress) error(404, 'not_found');
	return { ...progress, isCoordinator: user.roles.includes('coordinator') };
};
