import { getRuntime } from '$lib/server/runtime';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => ({
	unsandboxed: (await getRuntime()).judgeSandboxed === false,
	user: locals.user && {
		displayName: locals.user.displayName,
		roles: locals.user.roles,
		emailVerified: locals.user.emailVerified
	},
	locale: locals.locale,
	mailViewer: locals.config.mailViewer,
	path: url.pathname
});
