// How contest times read on the pages: elapsed and remaining times as h:mm:ss (AtCoder's way), shared by the
// contest page, its scoreboard and the exercise page's contest banner.
import { formatClockTime, formatSessionDate, formatSessionTime, japanDate } from '../japan-time';

/** 3725 → "1:02:05"; 65 → "1:05" (minutes and seconds only below an hour). Negative counts as 0. */
export function formatDuration(totalSeconds: number): string {
	const seconds = Math.max(0, Math.floor(totalSeconds));
	const hours = Math.floor(seconds / 3600);
	const minutes = Math.floor((seconds % 3600) / 60);
	const rest = String(seconds % 60).padStart(2, '0');
	return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Seconds from `now` until `until`, never below 0. */
export function secondsUntil(until: Date | string, now: number): number {
	return Math.max(0, Math.floor((new Date(until).getTime() - now) / 1000));
}

/** "2026年12月5日(土) 14:00〜15:30", or with both dates when the contest spans days. */
export function formatContestTime(startsAt: Date | string, endsAt: Date | string, locale: string): string {
	if (japanDate(new Date(startsAt)) === japanDate(new Date(endsAt))) return formatSessionTime(startsAt, endsAt, locale);
	const at = (instant: Date | string) => `${formatSessionDate(instant, locale)} ${formatClockTime(instant, locale)}`;
	return `${at(startsAt)}${locale === 'ja' ? ' 〜 ' : ' – '}${at(endsAt)}`;
}
