import { error, redirect } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import type { SessionUser, Session } from './session';

interface AuthLocals {
	user: SessionUser | null;
	session: Session | null;
}

/** Call in every load, action and endpoint that touches data: layouts do not re-run for actions or client navigation. */
export function requireUser(locals: AuthLocals, url?: URL): { user: SessionUser; session: Session } {
	if (!locals.user || !locals.session) {
		if (url) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
		error(401, 'login_required');
	}
	return { user: locals.user, session: locals.session };
}

export function requireRole(locals: AuthLocals, role: Role, url?: URL): { user: SessionUser; session: Session } {
	const auth = requireUser(locals, url);
	if (!auth.user.roles.includes(role)) error(403, 'forbidden');
	return auth;
}

/** For what any member of the club may do, whichever their role. */
export function requireAnyRole(locals: AuthLocals, roles: readonly Role[], url?: URL): { user: SessionUser; session: Session } {
	const auth = requireUser(locals, url);
	if (!roles.some((role) => auth.user.roles.includes(role))) error(403, 'forbidden');
	return auth;
}

export function hasRole(user: SessionUser | null, role: Role): boolean {
	return user?.roles.includes(role) ?? false;
}
