import { error, json } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as exercises from '$lib/server/exercises';
import type { RequestHandler } from './$types';

const statusOf = { not_found: 404, language_not_allowed: 400, too_large: 413, rate_limited: 429 } as const;

/** Autosave of the program being written: PUT {language, source}. */
export const PUT: RequestHandler = async ({ params, request, locals }) => {
	const { user } = auth.requireAnyRole(locals, ['student', 'mentor', 'coordinator']);
	const body = (await request.json().catch(() => null)) as { language?: unknown; source?: unknown } | null;
	if (!body || !exercises.isLanguage(body.language) || typeof body.source !== 'string') error(400, 'invalid');
	const result = await exercises.saveDraft(
		locals.db,
		{ userId: user.id, includeUnpublished: user.roles.includes('coordinator') },
		{ slug: params.slug, language: body.language, source: body.source }
	);
	if (result !== 'saved') error(statusOf[result], result);
	return json({ saved: true }, { headers: { 'cache-control': 'no-store' } });
};
