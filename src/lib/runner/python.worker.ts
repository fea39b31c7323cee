// Python in the student's browser: CPython compiled to WebAssembly (Pyodide), loaded once from the portal itself and
// kept for later runs. Each run gets a fresh namespace, standard input and streams, and the builtins back as they
// were, so that one program cannot change the next; its errors are printed the way `python3 main.py` prints them.

interface PyodideInterface {
	runPython(code: string): unknown;
	globals: { get(name: string): (...args: unknown[]) => { toJs(): unknown; destroy?(): void } };
	setStdin(options: { stdin: () => string | undefined }): void;
	setStdout(options: { write: (bytes: Uint8Array) => number }): void;
	setStderr(options: { write: (bytes: Uint8Array) => number }): void;
	setInterruptBuffer(buffer: Int32Array): void;
	_module: { HEAP8: Int8Array };
}

type WorkerRequest =
	{ type: 'load'; indexURL: string; control?: SharedArrayBuffer } | { type: 'run'; id: number; source: string; stdin: string; outputLimitBytes: number };

const runnerSource = String.raw`
import builtins, io, linecache, sys, time, traceback

_itbu_builtins = dict(builtins.__dict__)
_itbu_streams = (sys.stdin, sys.stdout, sys.stderr)

def _itbu_run(source, sleep):
    sys.stdin = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, 'r', closefd=False)), encoding='utf-8')
    sys.argv = ['main.py']
    time.sleep = sleep
    linecache.cache['main.py'] = (len(source), None, source.splitlines(True), 'main.py')
    namespace = {'__name__': '__main__', '__file__': 'main.py', '__builtins__': builtins}
    try:
        code = compile(source, 'main.py', 'exec')
    except (SyntaxError, ValueError) as error:
        traceback.print_exception(type(error), error, None)
        return ('compile', 1)
    try:
        exec(code, namespace)
    except SystemExit as error:
        if error.code is None:
            return ('run', 0)
        if isinstance(error.code, int):
            return ('run', error.code)
        print(error.code, file=sys.stderr)
        return ('run', 1)
    except KeyboardInterrupt:
        return ('interrupted', 1)
    except BaseException as error:
        traceback.print_exception(type(error), error, error.__traceback__.tb_next)
        return ('run', 1)
    return ('run', 0)

# Separate from the run, so that an interrupt arriving late (after the program, during the run's own last steps)
# cannot leave the next run with this one's streams or builtins.
def _itbu_restore():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    builtins.__dict__.clear()
    builtins.__dict__.update(_itbu_builtins)
    sys.stdin, sys.stdout, sys.stderr = _itbu_streams
    sys.stdout.flush()
    sys.stderr.flush()
`;

let pyodide: PyodideInterface | undefined;
let control: Int32Array | undefined;
const decoder = new TextDecoder();

/** time.sleep that 停止 and the time limit can wake (Atomics.wait on the shared control word), where possible. */
function sleep(seconds: number): void {
	const milliseconds = Math.max(0, Number(seconds) * 1000);
	if (control) {
		Atomics.wait(control, 1, 0, milliseconds);
		return;
	}
	const until = performance.now() + milliseconds;
	while (performance.now() < until) {
		// Without shared memory nothing can interrupt this; the page ends the worker at the time limit instead.
	}
}

async function load(request: Extract<WorkerRequest, { type: 'load' }>) {
	const { loadPyodide } = (await import(/* @vite-ignore */ `${request.indexURL}pyodide.mjs`)) as {
		loadPyodide(options: { indexURL: string; stdout?: (text: string) => void }): Promise<PyodideInterface>;
	};
	pyodide = await loadPyodide({ indexURL: request.indexURL });
	if (request.control) {
		control = new Int32Array(request.control);
		pyodide.setInterruptBuffer(control);
	}
	pyodide.runPython(runnerSource);
}

function run(request: Extract<WorkerRequest, { type: 'run' }>) {
	if (!pyodide) throw new Error('Python is not loaded');
	let written = 0;
	let outputLimitExceeded = false;
	const output = { stdout: '', stderr: '' };
	const writer = (stream: 'stdout' | 'stderr') => (bytes: Uint8Array) => {
		if (outputLimitExceeded) return bytes.length;
		written += bytes.length;
		if (written > request.outputLimitBytes) {
			outputLimitExceeded = true;
			// Stops the program at its next bytecode, as the server stops it at the limit.
			if (control) Atomics.store(control, 0, 2);
			return bytes.length;
		}
		output[stream] += decoder.decode(bytes, { stream: true });
		return bytes.length;
	};
	let given = false;
	pyodide.setStdin({
		stdin: () => {
			if (given) return undefined;
			given = true;
			return request.stdin;
		}
	});
	pyodide.setStdout({ write: writer('stdout') });
	pyodide.setStderr({ write: writer('stderr') });
	const started = performance.now();
	let phase: string;
	let exitCode: number;
	try {
		const result = pyodide.globals.get('_itbu_run')(request.source, sleep);
		[phase, exitCode] = result.toJs() as [string, number];
		result.destroy?.();
	} catch (error) {
		// Only an interrupt can escape _itbu_run (it catches everything the program raises).
		if ((error as { type?: string }).type !== 'KeyboardInterrupt') throw error;
		[phase, exitCode] = ['interrupted', 1];
	}
	// The interrupt has done its work; none may land in the clean-up.
	if (control) Atomics.store(control, 0, 0);
	pyodide.globals.get('_itbu_restore')();
	return {
		type: 'done',
		id: request.id,
		exitCode,
		compileError: phase === 'compile',
		interrupted: phase === 'interrupted',
		outputLimitExceeded,
		stdout: output.stdout,
		stderr: output.stderr,
		timeMs: Math.round(performance.now() - started),
		memoryBytes: pyodide._module.HEAP8.length
	};
}

const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null };

scope.onmessage = async (event) => {
	const request = event.data;
	try {
		if (request.type === 'load') {
			await load(request);
			scope.postMessage({ type: 'ready' });
		} else {
			scope.postMessage(run(request));
		}
	} catch (error) {
		scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
	}
};
