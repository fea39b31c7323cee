// iCalendar (RFC 5545) as calendar apps subscribe to it: CRLF line ends, lines folded at 75 octets without
// splitting a UTF-8 character, TEXT values escaped, times in UTC.

export interface CalendarEvent {
	uid: string;
	start: Date;
	end: Date;
	summary: string;
	location: string | null;
	description: string | null;
	url: string | null;
	status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
	lastModified: Date;
}

/** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** 20261205T040000Z */
export function utcStamp(at: Date): string {
	return at
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

const encoder = new TextEncoder();

/** Folds a content line into parts of at most 75 octets, continuation lines starting with one space. */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// The first part holds 75 octets; continuation parts 74 plus their leading space.
		const limit = parts.length === 0 ? 75 : 74;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

export function writeCalendar(calendar: { name: string; events: CalendarEvent[]; now: Date }): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Kanazawa IT-bu//IT-bu Portal//JA',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(calendar.name)}`,
		'X-WR-TIMEZONE:Asia/Tokyo',
		'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
		'X-PUBLISHED-TTL:PT6H'
	];
	for (const event of calendar.events) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:${event.uid}`,
			`DTSTAMP:${utcStamp(calendar.now)}`,
			`LAST-MODIFIED:${utcStamp(event.lastModified)}`,
			`DTSTART:${utcStamp(event.start)}`,
			`DTEND:${utcStamp(event.end)}`,
			`SUMMARY:${escapeText(event.summary)}`
		);
		if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
		if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
		if (event.url) lines.push(`URL:${event.url}`);
		lines.push(`STATUS:${event.status}`, 'END:VEVENT');
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
