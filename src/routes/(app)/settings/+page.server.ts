import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as mentoring from '$lib/server/mentoring';
import * as notifications from '$lib/server/notifications';
import { failWith, inSection, parseForm } from '$lib/server/forms';
import { setLocaleCookie } from '$lib/server/i18n';
import { changePasswordForm, profileForm } from '$lib/validation/account';
import { checkedMailKinds } from '$lib/validation/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireUser(locals, url);
	const [mailPreferences, mentorApplication] = await Promise.all([
		notifications.mailPreferences(locals.db, user.id, user.roles),
		user.roles.includes('mentor') ? null : mentoring.latestMentorApplication(locals.db, user.id)
	]);
	return {
		mailPreferences,
		mentorApplication: mentorApplication && { status: mentorApplication.status },
		account: { email: user.email, displayName: user.displayName, locale: user.locale, roles: user.roles, emailVerified: user.emailVerified },
		registered: url.searchParams.has('registered'),
		localPasswords: locals.config.authProvider === 'local'
	};
};

export const actions: Actions = {
	profile: async ({ request, locals, cookies }) => {
		const { user } = auth.requireUser(locals);
		const form = await request.formData();
		const parsed = parseForm(profileForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'profile');
		await auth.updateProfile(locals.db, user.id, parsed.data);
		setLocaleCookie(cookies, parsed.data.locale);
		// Reload so the page is drawn in the language just chosen.
		redirect(303, '/settings?saved');
	},
	password: async ({ request, locals }) => {
		const { user, session } = auth.requireUser(locals);
		if (locals.config.authProvider !== 'local') error(404, 'not found');
		const form = await request.formData();
		const parsed = parseForm(changePasswordForm, form);
		if (!parsed.ok) return inSection(parsed.failure, 'password');
		const changed = await auth.changePassword(locals.db, user.id, {
			currentPassword: parsed.data.currentPassword,
			newPassword: parsed.data.password,
			keepSessionId: session.id
		});
		if (!changed.ok)
			return inSection(failWith(form, changed.problem, changed.problem === 'current_password_wrong' ? 'currentPassword' : 'password'), 'password');
		return { passwordChanged: true };
	},
	logoutEverywhere: async ({ locals, cookies, url }) => {
		const { user } = auth.requireUser(locals);
		await auth.invalidateUserSessions(locals.db, user.id);
		auth.deleteSessionCookie(cookies, url);
		redirect(303, '/login');
	},
	mail: async ({ request, locals }) => {
		const { user } = auth.requireUser(locals);
		await notifications.setMailPreferences(locals.db, user.id, user.roles, checkedMailKinds(await request.formData()));
		return { mailSaved: true };
	},
	resendVerification: async ({ locals }) => {
		const { user } = auth.requireUser(locals);
		if (!(await auth.resendVerificationMail(locals.db, user.id, locals.config.origin))) {
			return inSection(failWith(new FormData(), 'error_429_body', undefined, 429), 'email');
		}
		return { verificationSent: true };
	}
};
