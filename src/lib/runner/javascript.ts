// Runs a JavaScript program in the student's browser: a fresh Web Worker per run, made from a script that holds the
// Node.js shim (node-shim.js) and the program, so no eval is needed and the page's CSP (worker-src blob:) holds.
// The worker is terminated at the time limit, on 停止, or at the output limit.
import shimSource from './node-shim.js?raw';
import type { BrowserRun, BrowserRunOutcome } from './types';

/** The program's first line in the worker's script: errors are reported against it. */
export function workerScript(run: Pick<BrowserRun, 'source' | 'stdin' | 'outputLimitKb'>): { script: string; preludeLines: number } {
	const config = { source: run.source, stdin: run.stdin, outputLimitBytes: run.outputLimitKb * 1024, preludeLines: 0 };
	const head = `${shimSource}\n__itbuRun(function __itbuMain(exports, require, module, __filename, __dirname) {\n`;
	// The configuration line comes first and is one line long (JSON escapes every newline).
	const preludeLines = 1 + head.split('\n').length - 1;
	config.preludeLines = preludeLines;
	return { script: `self.__itbu = ${JSON.stringify(config)};\n${head}${run.source}\n});\n`, preludeLines };
}

export function runJavaScript(run: BrowserRun): Promise<BrowserRunOutcome> {
	const { script, preludeLines } = workerScript(run);
	const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
	return new Promise((resolve) => {
		const started = performance.now();
		const worker = new Worker(url);
		let stdout = '';
		let stderr = '';
		let settled = false;
		const finish = (outcome: Partial<BrowserRunOutcome>) => {
			if (settled) return;
			settled = true;
			worker.terminate();
			URL.revokeObjectURL(url);
			clearTimeout(timer);
			run.signal?.removeEventListener('abort', stop);
			resolve({
				exitCode: null,
				signal: null,
				timedOut: false,
				outputLimitExceeded: false,
				stopped: false,
				stdout,
				stderr,
				timeMs: Math.round(performance.now() - started),
				...outcome
			});
		};
		// The same allowance as the server's wall clock: a program over the limit is TLE either way.
		const timer = setTimeout(() => finish({ timedOut: true, signal: 'SIGKILL' }), run.timeLimitMs + 500);
		const stop = () => finish({ stopped: true, signal: 'SIGKILL' });
		run.signal?.addEventListener('abort', stop, { once: true });
		if (run.signal?.aborted) stop();

		worker.onmessage = (event: MessageEvent<{ type: string; text?: string; code?: number }>) => {
			const message = event.data;
			if (message.type === 'stdout') stdout += message.text ?? '';
			else if (message.type === 'stderr') stderr += message.text ?? '';
			else if (message.type === 'output-limit') finish({ outputLimitExceeded: true, signal: 'SIGKILL' });
			else if (message.type === 'exit') finish({ exitCode: message.code ?? 0 });
		};
		// Only a program that does not even compile reaches here: the shim catches everything at run time.
		worker.onerror = (event: ErrorEvent) => {
			event.preventDefault();
			const line = event.lineno - preludeLines;
			const message = event.message.replace(/^Uncaught /, '');
			const sourceLine = run.source.split('\n')[line - 1] ?? '';
			stderr += line >= 1 ? `main.js:${line}\n${sourceLine}\n\n${message}\n` : `${message}\n`;
			finish({ exitCode: 1, compileError: /^SyntaxError\b/.test(message) });
		};
	});
}
