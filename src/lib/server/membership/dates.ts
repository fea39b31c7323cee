// People in the club live in Japan: join dates, months and weeks are Japan dates (Asia/Tokyo, no daylight saving).

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
