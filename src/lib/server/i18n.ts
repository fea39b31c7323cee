import * as m from '../paraglide/messages.js';

type MessageFunction = (params?: Record<string, unknown>) => string;

/** Looks a message up by key (keys that travel as data: validation errors, domain problems). */
export function translate(key: string, params: Record<string, unknown> = {}): string {
	const message = (m as unknown as Record<string, MessageFunction | undefined>)[key];
	return typeof message === 'function' ? message(params) : key;
}
