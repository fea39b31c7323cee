// Form schemas of club sessions, shared by the pages and their actions. Error messages are message keys.
// Dates and times are typed in Japan time and become instants here.
import { z } from 'zod';
import { isValidIsoDate } from '../japan-time';
import { japanDateTime } from '../japan-time';
import { httpUrl, optionalText } from './mentoring';

const clock = z
	.string()
	.trim()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'session_error_time_invalid');

export const sessionForm = z
	.object({
		title: z.string().trim().min(1, 'session_error_title_required').max(100, 'session_error_title_too_long'),
		date: z.string().trim().refine(isValidIsoDate, 'session_error_date_invalid'),
		startTime: clock,
		endTime: clock,
		venue: optionalText(200, 'session_error_venue_too_long'),
		onlineUrl: optionalText(500, 'session_error_url_invalid').refine((value) => value === undefined || httpUrl(value), 'session_error_url_invalid'),
		capacity: z.coerce
			.number({ error: 'session_error_capacity' })
			.int('session_error_capacity')
			.min(1, 'session_error_capacity')
			.max(1000, 'session_error_capacity'),
		mentorsNeeded: z.coerce
			.number({ error: 'session_error_mentors_needed' })
			.int('session_error_mentors_needed')
			.min(0, 'session_error_mentors_needed')
			.max(100, 'session_error_mentors_needed'),
		notes: optionalText(2000, 'session_error_notes_too_long'),
		kind: z.enum(['regular', 'trial'], { error: 'session_error_kind' }).default('regular'),
		whatToBring: optionalText(500, 'session_error_what_to_bring_too_long'),
		mapUrl: optionalText(500, 'session_error_map_url_invalid').refine(
			(value) => value === undefined || /^https:\/\/\S+$/.test(value),
			'session_error_map_url_invalid'
		)
	})
	.refine((form) => form.endTime > form.startTime, { message: 'session_error_end_before_start', path: ['endTime'] })
	.refine((form) => Boolean(form.venue || form.onlineUrl), { message: 'session_error_place_required', path: ['venue'] })
	.transform((form) => ({
		title: form.title,
		startsAt: japanDateTime(form.date, form.startTime),
		endsAt: japanDateTime(form.date, form.endTime),
		venue: form.venue ?? null,
		onlineUrl: form.onlineUrl ?? null,
		capacity: form.capacity,
		mentorsNeeded: form.mentorsNeeded,
		notes: form.notes ?? null,
		kind: form.kind,
		whatToBring: form.whatToBring ?? null,
		mapUrl: form.mapUrl ?? null
	}));

/** The participants ticked on the check-in list (checkboxes named `attended-<participant id>`). */
export function attendedParticipantIds(form: FormData): number[] {
	return [...form.keys()].flatMap((name) => {
		const match = /^attended-(\d{1,15})$/.exec(name);
		return match && form.get(name) === 'on' ? [Number(match[1])] : [];
	});
}

/** One exercise of a session's list (今日の問題), named by its slug; moving it says which way. */
export const sessionExerciseForm = z.object({
	exercise: z.string().trim().min(1, 'today_error_exercise_required').max(200, 'today_error_unknown_exercise')
});

export const sessionExerciseMoveForm = sessionExerciseForm.extend({
	direction: z.enum(['up', 'down'], { error: 'today_error_unknown_exercise' })
});
