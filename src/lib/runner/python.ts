// The page's side of Python in the browser (python.worker.ts): one worker, loaded on the first 実行 and kept for the
// next ones. Where the page is cross-origin isolated, a shared control word lets the time limit and 停止 interrupt a
// program (KeyboardInterrupt) and wake a sleeping one, keeping Python loaded; elsewhere the worker is ended and
// loaded again (from the browser's cache) for the next run.
import { pyodideBaseUrl, pyodideVersion } from './assets';
import { startModuleWorker } from './module-worker';
import pythonWorkerUrl from './python.worker.ts?worker&url';
import { BrowserRunUnavailable, type BrowserRun, type BrowserRunOutcome } from './types';

interface Done {
	type: 'done';
	id: number;
	exitCode: number;
	compileError: boolean;
	interrupted: boolean;
	outputLimitExceeded: boolean;
	stdout: string;
	stderr: string;
	timeMs: number;
	memoryBytes: number;
}
type Reply = Done | { type: 'ready' } | { type: 'failed'; message: string };

/** After a program grew Python's memory past this, the worker is replaced: WebAssembly memory never shrinks. */
const recycleAboveBytes = 512 * 1024 * 1024;
/** How long an interrupted program has to stop before its worker is ended instead. */
const interruptGraceMs = 1000;

interface PythonWorker {
	worker: Worker;
	control: Int32Array | undefined;
	ready: Promise<void>;
	busy: boolean;
}

let current: PythonWorker | undefined;
let runs = 0;

function startWorker(): PythonWorker {
	const worker = startModuleWorker(pythonWorkerUrl, 'python');
	const shared = globalThis.crossOriginIsolated ? new SharedArrayBuffer(8) : undefined;
	const control = shared ? new Int32Array(shared) : undefined;
	const ready = new Promise<void>((resolve, reject) => {
		const onMessage = (event: MessageEvent<Reply>) => {
			if (event.data.type === 'ready') resolve();
			else if (event.data.type === 'failed') reject(new BrowserRunUnavailable(event.data.message));
			else return;
			worker.removeEventListener('message', onMessage);
		};
		worker.addEventListener('message', onMessage);
		worker.addEventListener('error', (event) => reject(new BrowserRunUnavailable(event.message || 'the Python worker failed')), { once: true });
	});
	// Remembered, so that later pages start Python from the browser's cache before the student presses 実行.
	void ready.then(
		() => rememberCached(),
		() => {}
	);
	// Note: the listener above is attached before the first message is sent, so no reply can be missed.
	// Absolute: inside a worker started from a blob, relative URLs have nothing to resolve against.
	worker.postMessage({ type: 'load', indexURL: new URL(pyodideBaseUrl(), location.href).href, control: shared });
	return { worker, control, ready, busy: false };
}

function discard(python: PythonWorker) {
	python.worker.terminate();
	if (current === python) current = undefined;
}

const cachedKey = 'itbu.runner.python';

function rememberCached() {
	try {
		localStorage.setItem(cachedKey, pyodideVersion);
	} catch {
		// Private mode or storage full: Python then loads on the first 実行, as the first time.
	}
}

/**
 * Starts Python in the background if this browser has loaded it before (so it is in the HTTP cache and costs no
 * download): the first 実行 on the page is then as quick as the later ones. The very first load waits for 実行.
 */
export function warmUpPythonIfCached(): void {
	let cached: string | null;
	try {
		cached = localStorage.getItem(cachedKey);
	} catch {
		return;
	}
	if (cached === pyodideVersion && !current && typeof WebAssembly === 'object') void preparePython().catch(() => {});
}

/** Starts loading Python without running anything (e.g. when the student picks Python), so the first 実行 is quick. */
export function preparePython(): Promise<void> {
	current ??= startWorker();
	const python = current;
	return python.ready.catch((error) => {
		discard(python);
		throw error;
	});
}

export async function runPython(run: BrowserRun): Promise<BrowserRunOutcome> {
	if (typeof WebAssembly !== 'object' || typeof Worker === 'undefined') throw new BrowserRunUnavailable('no WebAssembly');
	if (current?.busy) discard(current);
	const loading = !current;
	current ??= startWorker();
	const python = current;
	if (loading) run.onPreparing?.(true);
	try {
		await python.ready;
	} catch (error) {
		discard(python);
		throw error;
	} finally {
		if (loading) run.onPreparing?.(false);
	}
	if (run.signal?.aborted) return stoppedOutcome();

	const id = ++runs;
	python.busy = true;
	if (python.control) {
		Atomics.store(python.control, 0, 0);
		Atomics.store(python.control, 1, 0);
	}
	return new Promise((resolve, reject) => {
		let settled = false;
		let ending: 'timedOut' | 'stopped' | undefined;
		let grace: ReturnType<typeof setTimeout> | undefined;
		const started = performance.now();
		const finish = (outcome: BrowserRunOutcome) => {
			if (settled) return;
			settled = true;
			python.busy = false;
			clearTimeout(timer);
			clearTimeout(grace);
			python.worker.removeEventListener('message', onMessage);
			run.signal?.removeEventListener('abort', onStop);
			resolve(outcome);
		};
		const onMessage = (event: MessageEvent<Reply>) => {
			const reply = event.data;
			if (reply.type === 'failed') {
				// Python itself broke: a fresh worker next time, the server for this run.
				discard(python);
				settled = true;
				clearTimeout(timer);
				clearTimeout(grace);
				run.signal?.removeEventListener('abort', onStop);
				reject(new BrowserRunUnavailable(reply.message));
				return;
			}
			if (reply.type !== 'done' || reply.id !== id) return;
			if (reply.memoryBytes > recycleAboveBytes) discard(python);
			finish({
				exitCode: reply.interrupted && !reply.outputLimitExceeded ? null : reply.exitCode,
				signal: reply.interrupted ? 'SIGKILL' : null,
				timedOut: ending === 'timedOut',
				stopped: ending === 'stopped',
				outputLimitExceeded: reply.outputLimitExceeded,
				compileError: reply.compileError,
				stdout: reply.stdout,
				stderr: reply.interrupted ? '' : reply.stderr,
				timeMs: ending === 'timedOut' ? Math.round(performance.now() - started) : reply.timeMs
			});
		};
		const end = (why: 'timedOut' | 'stopped') => {
			if (settled || ending) return;
			ending = why;
			if (python.control) {
				Atomics.store(python.control, 0, 2);
				Atomics.store(python.control, 1, 1);
				Atomics.notify(python.control, 1);
			}
			// A program that does not stop when asked (or a page that cannot ask) loses its worker.
			grace = setTimeout(
				() => {
					discard(python);
					finish({
						...emptyOutcome(),
						timedOut: why === 'timedOut',
						stopped: why === 'stopped',
						signal: 'SIGKILL',
						timeMs: Math.round(performance.now() - started)
					});
				},
				python.control ? interruptGraceMs : 0
			);
		};
		const onStop = () => end('stopped');
		const timer = setTimeout(() => end('timedOut'), run.timeLimitMs + 500);
		python.worker.addEventListener('message', onMessage);
		run.signal?.addEventListener('abort', onStop, { once: true });
		python.worker.postMessage({ type: 'run', id, source: run.source, stdin: run.stdin, outputLimitBytes: run.outputLimitKb * 1024 });
	});
}

function emptyOutcome(): BrowserRunOutcome {
	return { exitCode: null, signal: null, timedOut: false, outputLimitExceeded: false, stopped: false, stdout: '', stderr: '', timeMs: 0 };
}

function stoppedOutcome(): BrowserRunOutcome {
	return { ...emptyOutcome(), stopped: true, signal: 'SIGKILL' };
}
