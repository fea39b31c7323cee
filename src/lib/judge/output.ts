// Program output is hostile text: it is stored in Postgres and shown on web pages,
// so it is decoded leniently and stripped of everything that is not plain text.

const decoder = new TextDecoder('utf-8', { fatal: false });

// CSI sequences (colours, cursor moves), OSC sequences (window titles, hyperlinks), and two-byte escapes.
const terminalEscapes = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;
// C0 and C1 controls except tab and newline (NUL cannot even be stored in a jsonb string), and the
// bidirectional overrides that can make a mentor read text in a different order than it runs.
const invisibleControls = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** Bytes a program wrote, as text safe to store and display: invalid UTF-8 becomes U+FFFD. */
export function toSafeText(bytes: Uint8Array): string {
	return cleanText(decoder.decode(bytes));
}

/** Text a program wrote (already decoded, e.g. in the browser), without escapes and invisible controls. */
export function cleanText(text: string): string {
	return text.replace(terminalEscapes, '').replace(invisibleControls, '');
}

/** Keeps `text` to at most `limit` characters, saying whether something was cut so the UI can tell the reader. */
export function truncateText(text: string, limit: number): { text: string; truncated: boolean } {
	if (text.length <= limit) return { text, truncated: false };
	return { text: text.slice(0, limit), truncated: true };
}
