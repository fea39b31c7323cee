import { describe, expect, it } from 'vitest';
import { isSafeLink, renderInlineMarkdown, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders headings, tables and code, and escapes raw HTML instead of passing it through', () => {
		const html = renderMarkdown(
			'## 問題\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\n<b>x</b>\n```\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>'
		);
		expect(html).toContain('<h2>問題</h2>');
		expect(html).toContain('<td>1</td>');
		expect(html).toContain('<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>');
		expect(html).not.toMatch(/<script|<img/);
		expect(html).toContain('&lt;script&gt;');
	});

	it.each([
		'javascript:alert(1)',
		'JAVASCRIPT:alert(1)',
		'java\tscript:alert(1)',
		' javascript:alert(1)',
		'vbscript:x',
		'data:text/html,<b>',
		'file:///etc/passwd'
	])('never links to %j', (href) => {
		expect(isSafeLink(href)).toBe(false);
		expect(renderMarkdown(`[click](<${href}>)`)).not.toContain('<a ');
	});

	it('links to http(s), mailto and relative addresses; outside links open without a referrer', () => {
		expect(renderMarkdown('[a](https://example.jp/x)')).toContain('<a href="https://example.jp/x" rel="noopener noreferrer nofollow">a</a>');
		expect(renderMarkdown('[a](mailto:club@example.jp)')).toContain('<a href="mailto:club@example.jp">');
		expect(renderMarkdown('[a](/exercises/hello-world)')).toContain('<a href="/exercises/hello-world">');
		expect(renderMarkdown('[a](../fizzbuzz)')).toContain('<a href="../fizzbuzz">');
		// No automatic links from bare addresses.
		expect(renderMarkdown('https://example.jp')).not.toContain('<a ');
	});

	it('renders a hint inline, without a paragraph', () => {
		expect(renderInlineMarkdown('`print(a + b)` を使います <b>')).toBe('<code>print(a + b)</code> を使います &lt;b&gt;');
	});
});
