// Form schemas of membership, shared by the pages and their actions. Error messages are message keys.
import { z } from 'zod';
import { isSchoolCode, otherSchoolCode } from '../server/membership';
import { genders, grades, memberStatuses } from '../server/membership/vocabulary';
import { isValidIsoDate } from '../japan-time';
import { email } from './account';
import { channels } from '../referrals/channels';

const isoDate = z.string().trim().refine(isValidIsoDate, 'member_error_date_invalid');

export const applicationForm = z
	.object({
		nickname: z.string().trim().min(1, 'join_error_nickname_required').max(40, 'join_error_nickname_too_long'),
		fullName: z.string().trim().min(1, 'join_error_full_name_required').max(100, 'join_error_text_too_long'),
		school: z.string().refine(isSchoolCode, 'join_error_school_required'),
		schoolOther: z.string().trim().max(100, 'join_error_text_too_long').optional(),
		grade: z.enum(grades, { error: 'join_error_grade_required' }),
		gender: z.enum(genders, { error: 'join_error_gender_required' }),
		guardianName: z.string().trim().min(1, 'join_error_guardian_name_required').max(100, 'join_error_text_too_long'),
		guardianEmail: email,
		agree: z.literal('on', { error: 'join_error_agree_required' }),
		channel: z.preprocess((value) => (value === '' ? undefined : value), z.enum(channels, { error: 'referrals_error_channel' }).optional())
	})
	.refine((form) => form.school !== otherSchoolCode || Boolean(form.schoolOther), {
		message: 'join_error_school_other_required',
		path: ['schoolOther']
	});
export type ApplicationForm = z.output<typeof applicationForm>;

export const rejectionForm = z.object({
	reason: z.string().trim().min(1, 'applications_error_reason_required').max(500, 'applications_error_reason_too_long')
});

export const statusChangeForm = z.object({
	status: z.enum(memberStatuses, { error: 'member_error_status_required' }),
	changedOn: isoDate,
	reason: z.string().trim().max(500, 'member_error_reason_too_long').optional()
});

export const noteForm = z.object({
	body: z.string().trim().min(1, 'member_error_note_required').max(2000, 'member_error_note_too_long')
});

export const targetForm = z.object({
	targetCount: z.coerce
		.number({ error: 'dashboard_error_target_count' })
		.int('dashboard_error_target_count')
		.min(1, 'dashboard_error_target_count')
		.max(100000, 'dashboard_error_target_count'),
	targetDate: isoDate
});

/** One application picked from the coordinators' list. */
export const applicationChoiceForm = z.object({ id: z.uuid('applications_error_not_found') });

export const deletionRequestForm = z.object({
	reason: z.string().trim().max(500, 'privacy_error_reason_too_long').optional(),
	/** Required where the erasure is immediate (no membership yet): nothing can bring the records back. */
	confirm: z.literal('on').optional()
});

const gradeFilters = [...grades, 'graduated'] as const;

/** The member list's filters from its URL, shared by the list and its CSV export; unknown values are ignored. */
export function parseMemberFilter(params: URLSearchParams) {
	const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
		value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
	const year = Number(params.get('year'));
	const school = params.get('school') ?? '';
	return {
		search: params.get('q')?.trim().slice(0, 100) || undefined,
		schoolCode: isSchoolCode(school) ? school : undefined,
		grade: pick(params.get('grade'), gradeFilters),
		status: pick(params.get('status'), memberStatuses),
		joinYear: Number.isInteger(year) && year >= 2000 && year <= 2999 ? year : undefined,
		deletionRequested: params.get('deletion') === '1' || undefined
	};
}
