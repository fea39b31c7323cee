import * as auth from '$lib/server/auth';
import * as exercises from '$lib/server/exercises';
import { localized } from '$lib/exercises/labels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireAnyRole(locals, ['student', 'mentor', 'coordinator'], url);
	const filter = exercises.parseCatalogFilter(url.searchParams);
	// One query; the list, its filters, the progress and the next exercise are derived from it. The page shows 50
	// exercises at a time, with titles in the person's language only: rendering and sending all 300 in both languages
	// was most of the catalog's time (bench:web).
	const all = await exercises.catalogEntries(locals.db, user.id);
	const matching = exercises.filterCatalog(all, filter);
	const { entries, page, pages } = exercises.catalogPage(matching, url.searchParams);
	const next = exercises.nextSuggested(all);
	return {
		filter,
		filtered: Object.values(filter).some((value) => value !== undefined),
		entries: entries.map(({ title, ...entry }) => ({ ...entry, title: localized(title) })),
		matching: matching.length,
		page,
		pages,
		pageSize: exercises.catalogPageSize,
		progress: exercises.progressByTopic(all).map(({ title, ...topic }) => ({ ...topic, title: localized(title) })),
		next: next && { slug: next.slug, title: localized(next.title) },
		topics: exercises.topics.map(({ id, title }) => ({ id, title: localized(title) }))
	};
};
