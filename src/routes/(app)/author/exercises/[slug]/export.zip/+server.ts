import { error } from '@sveltejs/kit';
import * as exercises from '$lib/server/exercises';
import type { RequestHandler } from './$types';

/** The exercise as a ZIP of its folder, to unpack into src/content/exercises/ and commit. */
export const GET: RequestHandler = async ({ params, locals }) => {
	await exercises.requireAuthor(locals);
	const exported = await exercises.exportExercise(locals.db, params.slug);
	if (!exported) error(404, 'not found');
	return new Response(exported.zip, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${exported.fileName}"`,
			'cache-control': 'no-store'
		}
	});
};
