// The contest form's fields for an existing contest (the edit page) and for a new one (sensible defaults: tomorrow
// afternoon, 90 minutes, beginner mode).
import { japanDate, japanDateAndTime } from '$lib/japan-time';
import type { ContestView } from '$lib/server/contests';

export function formValuesOf(contest: ContestView): Record<string, string> {
	const start = japanDateAndTime(contest.startsAt);
	const end = japanDateAndTime(contest.endsAt);
	return {
		title: contest.title,
		description: contest.description,
		startDate: start.date,
		startTime: start.time,
		endDate: end.date,
		endTime: end.time,
		mode: contest.windowMinutes === null ? 'fixed' : 'personal',
		windowMinutes: String(contest.windowMinutes ?? 90),
		scoring: contest.beginner ? 'beginner' : 'penalty',
		penaltyMinutes: String(contest.penaltyMinutes),
		...Object.fromEntries(contest.problems.map((problem) => [`problem${problem.position}`, problem.slug]))
	};
}

export function newContestValues(now = new Date()): Record<string, string> {
	const tomorrow = japanDate(new Date(now.getTime() + 24 * 60 * 60 * 1000));
	return {
		startDate: tomorrow,
		startTime: '14:00',
		endDate: tomorrow,
		endTime: '15:30',
		mode: 'fixed',
		windowMinutes: '90',
		scoring: 'beginner',
		penaltyMinutes: '5'
	};
}
