import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, utcStamp, writeCalendar } from './ical';

describe('iCalendar writing', () => {
	it('escapes backslashes, semicolons, commas and line breaks in text', () => {
		expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
	});

	it('writes times in UTC', () => {
		expect(utcStamp(new Date('2026-12-05T04:00:00.000Z'))).toBe('20261205T040000Z');
	});

	it('folds long lines at 75 octets without splitting a Japanese character', () => {
		const line = `SUMMARY:${'金沢IT部活の活動日'.repeat(10)}`;
		const folded = foldLine(line);
		const parts = folded.split('\r\n');
		expect(parts.length).toBeGreaterThan(1);
		for (const [index, part] of parts.entries()) {
			expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
			if (index > 0) expect(part.startsWith(' ')).toBe(true);
		}
		expect(parts.map((part, index) => (index ? part.slice(1) : part)).join('')).toBe(line);
		expect(folded).not.toContain('\uFFFD');
	});

	it('ends every line with CRLF', () => {
		const text = writeCalendar({
			name: 'テスト',
			now: new Date('2026-12-01T00:00:00Z'),
			events: [
				{
					uid: 'a@test',
					start: new Date('2026-12-05T04:00:00Z'),
					end: new Date('2026-12-05T07:00:00Z'),
					summary: 'x',
					location: null,
					description: 'one\ntwo',
					url: null,
					status: 'CONFIRMED',
					lastModified: new Date('2026-12-01T00:00:00Z')
				}
			]
		});
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(text).toContain('\r\nDESCRIPTION:one\\ntwo\r\n');
	});
});
