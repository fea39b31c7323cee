// Form schemas of trial bookings and ref codes, shared by the pages and their actions. Error messages are message keys.
import { z } from 'zod';
import { isSchoolCode, otherSchoolCode } from '../server/membership';
import { grades } from '../server/membership/vocabulary';
import { channels } from '../referrals/channels';
import { email } from './account';

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const bookingForm = z
	.object({
		nickname: z.string().trim().min(1, 'trials_error_nickname_required').max(40, 'trials_error_nickname_too_long'),
		grade: z.enum(grades, { error: 'trials_error_grade_required' }),
		school: z.preprocess(blankAsUndefined, z.string().refine(isSchoolCode, 'trials_error_school_invalid').optional()),
		schoolOther: z.preprocess(blankAsUndefined, z.string().trim().max(100, 'trials_error_school_other_too_long').optional()),
		guardianEmail: email,
		channel: z.enum(channels, { error: 'trials_error_channel_required' }),
		agree: z.literal('on', { error: 'trials_error_agree_required' })
	})
	.transform((form) => ({
		nickname: form.nickname,
		grade: form.grade,
		schoolCode: form.school ?? null,
		schoolOther: form.school === otherSchoolCode ? (form.schoolOther ?? null) : null,
		guardianEmail: form.guardianEmail,
		channel: form.channel
	}));

export const referralCodeForm = z.object({
	name: z.string().trim().min(1, 'referrals_error_name_required').max(100, 'referrals_error_name_too_long'),
	channel: z.enum(channels, { error: 'referrals_error_channel' }),
	code: z.preprocess(
		(value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
		z
			.string()
			.regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'referrals_error_code_invalid')
			.optional()
	)
});

/** The bookings ticked on a trial session's attendance list (checkboxes named `came-<booking id>`). */
export function cameBookingIds(form: FormData): string[] {
	return [...form.keys()].flatMap((name) => {
		const match = /^came-([0-9a-f-]{36})$/.exec(name);
		return match && form.get(name) === 'on' ? [match[1]!] : [];
	});
}
