// Form schemas shared by the pages and their actions. Error messages are message keys (messages/*.json).
import { z } from 'zod';

export const email = z
	.string()
	.trim()
	.max(254, 'error_email_invalid')
	.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'error_email_invalid');

export const newPassword = z.string().min(8, 'password_too_short').max(256, 'password_too_long');

export const displayName = z.string().trim().min(1, 'error_display_name_required').max(40, 'error_display_name_too_long');

export const locale = z.enum(['ja', 'en'], { error: 'error_locale_invalid' });

export const loginForm = z.object({
	email,
	password: z.string().min(1, 'error_password_required')
});

export const registerForm = z.object({
	email,
	/** Where the person goes once the account exists: on to a student or mentor application. */
	as: z.enum(['student', 'mentor']).optional().catch(undefined)
});

export const completeRegistrationForm = z
	.object({ token: z.string(), displayName, password: newPassword, passwordConfirm: z.string() })
	.refine((form) => form.password === form.passwordConfirm, { message: 'error_password_mismatch', path: ['passwordConfirm'] });

export const forgotPasswordForm = z.object({ email });

export const resetPasswordForm = z
	.object({ token: z.string(), password: newPassword, passwordConfirm: z.string() })
	.refine((form) => form.password === form.passwordConfirm, { message: 'error_password_mismatch', path: ['passwordConfirm'] });

export const profileForm = z.object({ displayName, locale });

export const changePasswordForm = z
	.object({ currentPassword: z.string().min(1, 'error_password_required'), password: newPassword, passwordConfirm: z.string() })
	.refine((form) => form.password === form.passwordConfirm, { message: 'error_password_mismatch', path: ['passwordConfirm'] });
