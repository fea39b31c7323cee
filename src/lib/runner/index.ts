// 実行 in the student's own browser: instant feedback without the server's queue. JavaScript runs in a fresh Web
// Worker per run, Python on Pyodide in a worker kept between runs. Only feedback: 提出する always goes to the server's
// sandboxed judge, the only authority on verdicts. Where the browser cannot run a language, the caller falls back
// to the server (BrowserRunUnavailable). DNCL is translated to JavaScript here (src/lib/dncl) and runs as JavaScript.
import { compileDncl, syntaxErrorText } from '../dncl';
import type { Language } from '../judge/languages';
import { runJavaScript } from './javascript';
import { preparePython, runPython, warmUpPythonIfCached } from './python';
import { BrowserRunUnavailable, type BrowserRun, type BrowserRunOutcome } from './types';

export { BrowserRunUnavailable, preparePython, warmUpPythonIfCached };
export type { BrowserRun, BrowserRunOutcome };

/** Whether this browser can run `language` at all (it may still fail to load, which also means the server). */
export function canRunInBrowser(language: Language): boolean {
	if (typeof Worker === 'undefined' || typeof Blob === 'undefined') return false;
	return language !== 'python' || typeof WebAssembly === 'object';
}

export function runInBrowser(run: BrowserRun): Promise<BrowserRunOutcome> {
	if (!canRunInBrowser(run.language)) return Promise.reject(new BrowserRunUnavailable(`cannot run ${run.language} here`));
	if (run.language === 'dncl') return runDncl(run);
	return run.language === 'python' ? runPython(run) : runJavaScript(run);
}

async function runDncl(run: BrowserRun): Promise<BrowserRunOutcome> {
	const translation = compileDncl(run.source, { arrayBase: run.dnclArrayBase ?? 0 });
	if (translation.ok) return runJavaScript({ ...run, source: translation.javascript });
	return {
		exitCode: 1,
		signal: null,
		timedOut: false,
		outputLimitExceeded: false,
		stopped: false,
		stdout: '',
		stderr: syntaxErrorText(translation.error),
		timeMs: 0,
		compileError: true
	};
}
