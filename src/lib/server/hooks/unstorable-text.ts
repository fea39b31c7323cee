import { json, type Handle } from '@sveltejs/kit';
import * as devalue from 'devalue';
import { echoValues, type FormFailure } from '../forms';
import { translate } from '../i18n';
import { findUnstorableText, withoutUnstorable } from '../storable-text';

/**
 * Refuses, with a 400 in the person's language, any request whose path, query, form or JSON body holds a NUL
 * (see storable-text.ts), before it reaches authentication, an action or an endpoint. A form sent by an enhanced
 * page gets an ordinary form failure, so what was typed stays on the page.
 */
export const rejectUnstorableText: Handle = async ({ event, resolve }) => {
	const found = await findUnstorableText(event.request, event.url);
	if (!found) return resolve(event);
	const message = translate(found.in === 'malformed-form' ? 'error_malformed_form' : 'error_unstorable_text');
	if (found.in === 'form' && event.request.headers.get('x-sveltekit-action') === 'true') {
		const failure: FormFailure = { values: echoValues(withoutUnstorable(found.form)), errors: { [found.field]: message }, message };
		return json({ type: 'failure', status: 400, data: devalue.stringify(failure) });
	}
	const accept = event.request.headers.get('accept') ?? '';
	if (found.in === 'json' || event.url.pathname.startsWith('/api/') || accept.includes('application/json')) {
		return json({ error: 'invalid_characters', message }, { status: 400 });
	}
	return new Response(badRequestPage(event.locals.locale, message), { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } });
};

const escape = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** Drawn here, not by SvelteKit: a hook cannot render the app's error page. */
function badRequestPage(locale: string, message: string): string {
	const title = translate('error_400_title');
	return `<!doctype html><html lang="${escape(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} | ${escape(translate('site_name'))}</title></head><body style="font-family: system-ui, sans-serif; line-height: 1.7; max-width: 36rem; margin: 2rem auto; padding: 0 1rem"><main><h1 style="font-size: 1.4rem">${escape(title)}</h1><p>${escape(message)}</p><p><a href="/">${escape(translate('error_back_home'))}</a></p></main></body></html>`;
}
