import type { Cookies } from '@sveltejs/kit';
import * as m from '../paraglide/messages.js';
import type { Locale } from './db/schema';

type MessageFunction = (params?: Record<string, unknown>) => string;

/** The key of a message in messages/*.json: a misspelt key fails the type check instead of showing the key. */
export type MessageKey = { [K in keyof typeof m]: (typeof m)[K] extends (...args: never[]) => string ? K : never }[keyof typeof m];

/** Looks a message up by key (keys that travel as data: validation errors, domain problems). */
export function translate(key: MessageKey, params: Record<string, unknown> = {}): string {
	const message = (m as unknown as Record<string, MessageFunction | undefined>)[key];
	return typeof message === 'function' ? message(params) : key;
}

/**
 * Remembers the language pages are drawn in (the locale hook reads this cookie first): set by the header's switch,
 * by saving the account's language, and at login from the account, so that a saved language follows the person.
 */
export function setLocaleCookie(cookies: Cookies, locale: Locale): void {
	cookies.set('locale', locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 60 * 60 * 24 * 400 });
}
