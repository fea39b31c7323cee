import * as auth from '$lib/server/auth';
import * as notifications from '$lib/server/notifications';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 30;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireUser(locals, url);
	const before = Number(url.searchParams.get('before')) || undefined;
	const entries = await notifications.listNotifications(locals.db, user.id, locals.locale, { before, limit: pageSize + 1 });
	return { entries: entries.slice(0, pageSize), older: entries.length > pageSize ? entries[pageSize - 1]!.id : null };
};

export const actions: Actions = {
	readAll: async ({ locals }) => {
		const { user } = auth.requireUser(locals);
		await notifications.markAllRead(locals.db, user.id);
		return { allRead: true };
	}
};
