// The month the calendar page shows, in Japan: its bounds as instants and its weeks as a grid (Sunday first).
import { addMonths, japanDate } from '../../japan-time';
import { japanDateTime } from '../../japan-time';

export interface CalendarMonth {
	/** 'YYYY-MM'. */
	month: string;
	previous: string;
	next: string;
	from: Date;
	to: Date;
	/** Weeks of seven 'YYYY-MM-DD' days, Sunday first, padded with the neighbouring months' days. */
	weeks: Array<Array<{ date: string; inMonth: boolean }>>;
}

/** The month named by `?month=YYYY-MM`, or the current one in Japan. */
export function calendarMonth(requested: string | null, now = new Date()): CalendarMonth {
	const month = requested && /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : japanDate(now).slice(0, 7);
	const next = addMonths(month, 1);
	const first = new Date(`${month}-01T00:00:00Z`);
	const start = new Date(first.getTime() - first.getUTCDay() * 86_400_000);
	const weeks: CalendarMonth['weeks'] = [];
	for (let day = start; weeks.length === 0 || day.toISOString().slice(0, 7) === month;) {
		const week = [];
		for (let index = 0; index < 7; index++) {
			const date = day.toISOString().slice(0, 10);
			week.push({ date, inMonth: date.slice(0, 7) === month });
			day = new Date(day.getTime() + 86_400_000);
		}
		weeks.push(week);
	}
	return { month, previous: addMonths(month, -1), next, from: japanDateTime(`${month}-01`, '00:00'), to: japanDateTime(`${next}-01`, '00:00'), weeks };
}
