// Club sessions happen in Japan: their dates and times are read, written and shown in Japan time (Asia/Tokyo,
// UTC+9 all year, no daylight saving). Shared by the pages and the server (mails, calendar feeds).

const japanOffset = '+09:00';

/** The instant of a Japan date ('YYYY-MM-DD') and time ('HH:MM'). */
export function japanDateTime(date: string, time: string): Date {
	return new Date(`${date}T${time}:00${japanOffset}`);
}

/** The Japan date and time of an instant, as the session form shows them. */
export function japanDateAndTime(at: Date): { date: string; time: string } {
	const shifted = new Date(at.getTime() + 9 * 60 * 60 * 1000).toISOString();
	return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

const tags: Record<string, string> = { ja: 'ja-JP', en: 'en-GB' };

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	return new Intl.DateTimeFormat(tags[locale] ?? 'ja-JP', { timeZone: 'Asia/Tokyo', ...options });
}

/** "2026年12月5日(土)" / "Sat, 5 December 2026". */
export function formatSessionDate(at: Date | string, locale: string): string {
	return formatter(locale, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }).format(new Date(at));
}

/** "13:00". */
export function formatClockTime(at: Date | string, locale: string): string {
	return formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
}

/** "2026年12月5日(土) 13:00〜16:00" / "Sat, 5 December 2026, 13:00–16:00". */
export function formatSessionTime(startsAt: Date | string, endsAt: Date | string, locale: string): string {
	const date = formatSessionDate(startsAt, locale);
	const range = `${formatClockTime(startsAt, locale)}${locale === 'ja' ? '〜' : '–'}${formatClockTime(endsAt, locale)}`;
	return locale === 'ja' ? `${date} ${range}` : `${date}, ${range}`;
}
