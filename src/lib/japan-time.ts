// The club lives in Japan: join dates, school years, months, and club sessions' dates and times are Japan dates and
// times (Asia/Tokyo, UTC+9 all year, no daylight saving). Shared by the pages and the server (mails, calendar
// feeds, reports), so it sits outside $lib/server.

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

const japanDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** 'YYYY-MM-DD' of the given instant in Japan. */
export function japanDate(at: Date = new Date()): string {
	return japanDateFormat.format(at);
}

/** The Japanese school year (April to March) a date falls in: 2024-03-31 is school year 2023. */
export function schoolYearOf(isoDate: string): number {
	const [year, month] = isoDate.split('-').map(Number) as [number, number];
	return month >= 4 ? year : year - 1;
}

/** 'YYYY-MM' of a 'YYYY-MM-DD' date. */
export function monthOf(isoDate: string): string {
	return isoDate.slice(0, 7);
}

/** The month `count` months after 'YYYY-MM' (count may be negative). */
export function addMonths(month: string, count: number): string {
	const [year, monthNumber] = month.split('-').map(Number) as [number, number];
	const index = year * 12 + (monthNumber - 1) + count;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` ('YYYY-MM'); negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
	const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
	const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
	return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

export function isValidIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const parsed = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
