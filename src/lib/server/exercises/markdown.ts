// Statements and hints are Markdown written by authors; students read them as HTML rendered here, on the server.
// No raw HTML passes through, and links may only go to http(s), mailto or a relative address.
import MarkdownIt from 'markdown-it';

const allowedScheme = /^(?:https?|mailto):/i;
const anyScheme = /^[a-z][a-z0-9+.-]*:/i;

/** True for http(s):, mailto: and relative links; false for javascript:, data:, vbscript:, file: and the rest. */
export function isSafeLink(url: string): boolean {
	// Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so they are ignored here too,
	// also when percent-encoded (markdown-it encodes them before asking).
	const normalized = decodePercent(url).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
	return allowedScheme.test(normalized) || !anyScheme.test(normalized);
}

function decodePercent(url: string): string {
	try {
		return decodeURIComponent(url);
	} catch {
		return url;
	}
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.validateLink = isSafeLink;

const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
	const token = tokens[index];
	if (token && /^(?:https?:)?\/\//i.test(String(token.attrGet('href') ?? ''))) token.attrSet('rel', 'noopener noreferrer nofollow');
	return defaultLinkOpen(tokens, index, options, env, self);
};

/** A whole statement: headings, lists, tables, code blocks. */
export function renderMarkdown(source: string): string {
	return markdown.render(source);
}

/** One line of text (a hint): inline code, emphasis and links, without a surrounding paragraph. */
export function renderInlineMarkdown(source: string): string {
	return markdown.renderInline(source);
}
