// Form schema of a contest, shared by the coordinators' pages and their actions. Error messages are message keys.
// Dates and times are typed in Japan time and become instants here; the problems are exercise slugs in fields
// problem0 … problem11 (A … L), empty ones skipped.
import { z } from 'zod';
import { isValidIsoDate, japanDateTime } from '../japan-time';

export const contestProblemFields = 12;

const clock = z
	.string()
	.trim()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'contests_error_time_invalid');
const date = z.string().trim().refine(isValidIsoDate, 'contests_error_date_invalid');
const slug = z
	.string()
	.trim()
	.max(100, 'contests_error_unknown_exercise')
	.optional()
	.transform((value) => value || undefined);

const problemFields: Record<string, typeof slug> = Object.fromEntries(Array.from({ length: contestProblemFields }, (_, index) => [`problem${index}`, slug]));

export const contestForm = z
	.object({
		title: z.string().trim().min(1, 'contests_error_title_required').max(100, 'contests_error_title_too_long'),
		description: z.string().trim().max(4000, 'contests_error_description_too_long').default(''),
		startDate: date,
		startTime: clock,
		endDate: date,
		endTime: clock,
		mode: z.enum(['fixed', 'personal'], { error: 'contests_error_mode' }),
		windowMinutes: z.coerce
			.number({ error: 'contests_error_window' })
			.int('contests_error_window')
			.min(10, 'contests_error_window')
			.max(600, 'contests_error_window'),
		scoring: z.enum(['beginner', 'penalty'], { error: 'contests_error_scoring' }),
		penaltyMinutes: z.coerce
			.number({ error: 'contests_error_penalty' })
			.int('contests_error_penalty')
			.min(1, 'contests_error_penalty')
			.max(60, 'contests_error_penalty'),
		...problemFields
	})
	.transform((form) => ({
		...form,
		startsAt: japanDateTime(form.startDate, form.startTime),
		endsAt: japanDateTime(form.endDate, form.endTime),
		problemSlugs: Array.from({ length: contestProblemFields }, (_, index) => (form as Record<string, unknown>)[`problem${index}`] as string | undefined).filter(
			(value): value is string => Boolean(value)
		)
	}))
	.refine((form) => form.endsAt > form.startsAt, { message: 'contests_error_end_before_start', path: ['endTime'] })
	.refine((form) => form.mode === 'fixed' || form.windowMinutes * 60_000 <= form.endsAt.getTime() - form.startsAt.getTime(), {
		message: 'contests_error_window_too_long',
		path: ['windowMinutes']
	})
	.refine((form) => form.problemSlugs.length > 0, { message: 'contests_error_no_problems', path: ['problem0'] })
	.refine((form) => new Set(form.problemSlugs).size === form.problemSlugs.length, { message: 'contests_error_duplicate_problem', path: ['problem0'] })
	.transform((form) => ({
		title: form.title,
		description: form.description,
		startsAt: form.startsAt,
		endsAt: form.endsAt,
		windowMinutes: form.mode === 'personal' ? form.windowMinutes : null,
		beginner: form.scoring === 'beginner',
		penaltyMinutes: form.penaltyMinutes,
		problemSlugs: form.problemSlugs
	}));
