import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as notifications from '$lib/server/notifications';
import type { RequestHandler } from './$types';

/** Following a notification marks it read and leads to what it is about (always a path inside the portal). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { user } = auth.requireUser(locals, url);
	const path = await notifications.openNotification(locals.db, user.id, Number(params.id), locals.locale);
	if (!path) error(404, 'notification_not_found');
	redirect(303, path);
};
