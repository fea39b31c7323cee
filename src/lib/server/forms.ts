// One way to read a form: validate with its schema, and on failure hand back translated errors
// plus everything the person typed (except secrets), so nothing is lost.
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { translate, type MessageKey } from './i18n';

export type FieldErrors = Record<string, string>;

export interface FormFailure {
	values: Record<string, string>;
	errors: FieldErrors;
	message?: string;
	/** Which of several forms on one page failed. */
	section?: string;
}

const secretFields = /password|token/i;

export function echoValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form) {
		if (typeof value === 'string' && !secretFields.test(name)) values[name] = value;
	}
	return values;
}

export type ParsedForm<T> = { ok: true; data: T } | { ok: false; failure: ActionFailure<FormFailure> };

function fieldErrors(issues: z.core.$ZodIssue[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const field = String(issue.path[0] ?? 'form');
		// The schemas of src/lib/validation give message keys as their messages; zod carries them as plain strings.
		errors[field] ??= translate(issue.message as MessageKey);
	}
	return errors;
}

export function parseForm<S extends z.ZodType>(schema: S, form: FormData): ParsedForm<z.output<S>> {
	const raw = Object.fromEntries([...form].filter(([, value]) => typeof value === 'string'));
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	return { ok: false, failure: fail(400, { values: echoValues(form), errors: fieldErrors(result.error.issues), message: translate('error_form_fix') }) };
}

/**
 * A form sent with GET (filters, what-ifs): the page still shows, with the errors and what was typed; the caller falls
 * back to its defaults.
 */
export function parseQuery<S extends z.ZodType>(
	schema: S,
	query: URLSearchParams
): { ok: true; data: z.output<S>; values: Record<string, string> } | { ok: false; values: Record<string, string>; errors: FieldErrors } {
	const values = Object.fromEntries(query);
	const result = schema.safeParse(values);
	return result.success ? { ok: true, data: result.data, values } : { ok: false, values, errors: fieldErrors(result.error.issues) };
}

/** A failure for one field (or the whole form), keeping the typed values. */
export function failWith(form: FormData, messageKey: MessageKey, field?: string, status = 400): ActionFailure<FormFailure> {
	const message = translate(messageKey);
	if (!field) return fail(status, { values: echoValues(form), errors: {}, message });
	return fail(status, { values: echoValues(form), errors: { [field]: message }, message: translate('error_form_fix') });
}

/** Marks a failure as coming from one of several forms on the same page. */
export function inSection(failure: ActionFailure<FormFailure>, section: string): ActionFailure<FormFailure> {
	return fail(failure.status, { ...failure.data, section });
}
