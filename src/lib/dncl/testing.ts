// Runs a DNCL program for the tests: translated, then executed in a fresh V8 context with stdin and captured output,
// the way the judge's node runs it (a real node run is in dncl.spec.ts too).
import { runInNewContext } from 'node:vm';
import { compileDncl, type TranslateOptions } from './index';

export interface DnclRun {
	stdout: string;
	stderr: string;
	exitCode: number;
}

export function runDncl(source: string, stdin = '', options: TranslateOptions = {}): DnclRun {
	const translation = compileDncl(source, options);
	if (!translation.ok) throw translation.error;
	let stdout = '';
	let stderr = '';
	const process = {
		exitCode: undefined as number | undefined,
		stdout: { write: (text: string) => (stdout += text) },
		stderr: { write: (text: string) => (stderr += text) }
	};
	const require = (module: string) => {
		if (module !== 'fs') throw new Error(`unexpected require(${module})`);
		return { readFileSync: () => stdin };
	};
	runInNewContext(translation.javascript, { process, require });
	return { stdout, stderr, exitCode: process.exitCode ?? 0 };
}

/** The message of the first syntax error, in `locale`; fails the test when the program has none. */
export function syntaxError(source: string, locale: 'ja' | 'en' = 'ja'): string {
	const translation = compileDncl(source);
	if (translation.ok) throw new Error('expected a syntax error');
	return translation.error.localized(locale);
}
