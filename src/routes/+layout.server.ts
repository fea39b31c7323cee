import * as notifications from '$lib/server/notifications';
import { getRuntime } from '$lib/server/runtime';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => ({
	unsandboxed: (await getRuntime()).judgeSandboxed === false,
	user: locals.user && {
		displayName: locals.user.displayName,
		roles: locals.user.roles,
		emailVerified: locals.user.emailVerified
	},
	unreadNotifications: locals.user ? await notifications.countUnread(locals.db, locals.user.id) : 0,
	locale: locals.locale,
	mailViewer: locals.config.mailViewer,
	clubContact: locals.config.clubContact,
	path: url.pathname
});
