import { describe, expect, it } from 'vitest';
import { toSafeText, truncateText } from './output';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

describe('toSafeText', () => {
	it('keeps text, newlines, tabs and Japanese as they are', () => {
		expect(toSafeText(bytes('こんにちは、金沢!\n\ta b\n'))).toBe('こんにちは、金沢!\n\ta b\n');
	});

	it('replaces invalid UTF-8 with U+FFFD', () => {
		expect(toSafeText(bytes('a', [0xff, 0xfe], 'b'))).toBe('a\ufffd\ufffdb');
	});

	it('strips terminal escapes, control characters and bidirectional overrides', () => {
		const hostile = bytes('\x1b[31mred\x1b[0m \x1b]0;title\x07\x1b]8;;http://x\x1b\\link\x00\x07\r\x7f\u202eevil\n');
		expect(toSafeText(hostile)).toBe('red linkevil\n');
	});

	it('leaves markup as inert text (escaping is the page’s job)', () => {
		expect(toSafeText(bytes('</script><script>alert(1)</script>'))).toBe('</script><script>alert(1)</script>');
	});
});

describe('truncateText', () => {
	it('says when it cut', () => {
		expect(truncateText('abcdef', 3)).toEqual({ text: 'abc', truncated: true });
		expect(truncateText('abc', 3)).toEqual({ text: 'abc', truncated: false });
	});
});
