// Form schemas of groups, shared by the pages and their actions. Error messages are message keys.
import { z } from 'zod';
import { optionalText } from './mentoring';

export const groupForm = z
	.object({
		name: z.string().trim().min(1, 'groups_error_name_required').max(80, 'groups_error_name_too_long'),
		description: optionalText(500, 'groups_error_description_too_long')
	})
	.transform((form) => ({ name: form.name, description: form.description ?? null }));

export const codeLifetimeDays = ['1', '7', '14', '30', '90'] as const;

export const issueCodeForm = z.object({
	days: z.enum(codeLifetimeDays, { error: 'groups_error_lifetime' }).transform((days) => Number(days) as 1 | 7 | 14 | 30 | 90)
});

export const joinForm = z.object({
	code: z.string().trim().min(1, 'groups_error_code_required').max(40, 'groups_error_code_format')
});

export const addStudentForm = z.object({
	who: z.string().trim().min(1, 'groups_error_who_required').max(254, 'groups_error_student_not_found')
});

export const personForm = z.object({
	userId: z.string().trim().uuid('groups_error_not_found')
});

export const assignMentorForm = z.object({
	mentorId: z.string().trim().uuid('groups_error_mentor_not_found')
});

export const groupChoiceForm = z.object({
	groupId: z.string().trim().uuid('groups_error_not_found')
});
