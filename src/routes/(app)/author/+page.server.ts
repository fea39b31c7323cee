import * as exercises from '$lib/server/exercises';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = await exercises.requireAuthor(locals, url);
	return { entries: await exercises.listForAuthors(locals.db), coordinator: user.roles.includes('coordinator') };
};
