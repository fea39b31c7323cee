import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import { homeFor } from '$lib/server/paths';
import type { PageServerLoad } from './$types';

/** After login, sends the person to the page of their role (known only once the new session is read). */
export const load: PageServerLoad = ({ locals, url }) => {
	const { user } = auth.requireUser(locals, url);
	redirect(303, homeFor(user.roles));
};
