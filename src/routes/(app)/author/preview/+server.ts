import { error, json } from '@sveltejs/kit';
import * as exercises from '$lib/server/exercises';
import type { RequestHandler } from './$types';

const maxMarkdownLength = 40_000;

/** The live preview of a statement while an author writes it: the same renderer students' pages use. */
export const POST: RequestHandler = async ({ request, locals }) => {
	await exercises.requireAuthor(locals);
	const body = (await request.json().catch(() => null)) as { markdown?: unknown } | null;
	if (typeof body?.markdown !== 'string' || body.markdown.length > maxMarkdownLength) error(400, 'invalid');
	return json({ html: exercises.renderMarkdown(body.markdown) }, { headers: { 'cache-control': 'no-store' } });
};
