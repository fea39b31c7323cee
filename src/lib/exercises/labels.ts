// What people read for the exercises' stored vocabularies: statuses, languages, topics (whose names are data).
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';

const statuses: Record<string, () => string> = {
	new: m.catalog_status_new,
	tried: m.catalog_status_tried,
	solved: m.catalog_status_solved
};

export const statusLabel = (status: string) => statuses[status]?.() ?? status;

const languageNames: Record<string, () => string> = { python: () => 'Python', javascript: () => 'JavaScript', dncl: m.dncl_language_name };

export const languageName = (language: string) => languageNames[language]?.() ?? language;

/** A topic's title in the page's language. */
export const localized = (text: { ja: string; en: string }) => (getLocale() === 'en' ? text.en : text.ja);
