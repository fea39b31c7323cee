import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
	user: locals.user && {
		displayName: locals.user.displayName,
		roles: locals.user.roles,
		emailVerified: locals.user.emailVerified
	},
	locale: locals.locale,
	mailViewer: locals.config.mailViewer,
	path: url.pathname
});
