import * as auth from '$lib/server/auth';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const { user } = auth.requireRole(locals, 'mentor', url);
	return { displayName: user.displayName };
};
