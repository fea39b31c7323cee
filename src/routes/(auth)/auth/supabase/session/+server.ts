import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import * as auth from '$lib/server/auth';
import * as supabase from '$lib/server/auth/supabase';
import { setLocaleCookie } from '$lib/server/i18n';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

const body = z.object({ access_token: z.string().min(1).max(16_384) });

/** The browser signed in with Supabase Auth and hands over its access token; we answer with the portal's own session. */
export const POST: RequestHandler = async ({ request, locals, cookies, url }) => {
	const runtime = await getRuntime();
	if (!runtime.supabaseIdentity) error(404, 'not found');
	if (!request.headers.get('content-type')?.startsWith('application/json')) error(415, 'expected application/json');
	const parsed = body.safeParse(await request.json().catch(() => null));
	if (!parsed.success) return json({ error: 'invalid_token' }, { status: 401 });
	try {
		const { token, session } = await supabase.signInWithSupabase(locals.db, parsed.data.access_token, runtime.supabaseIdentity);
		if (locals.session) await auth.invalidateSession(locals.db, locals.session.id);
		auth.setSessionCookie(cookies, url, token, session);
		const account = await auth.findUserById(locals.db, session.userId);
		if (account) setLocaleCookie(cookies, account.locale);
		return json({ ok: true });
	} catch (failure) {
		if (failure instanceof supabase.SupabaseSignInError) return json({ error: failure.problem }, { status: 401 });
		throw failure;
	}
};
