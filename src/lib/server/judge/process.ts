// Runs one child process with a wall-clock limit and capped output, never buffering more than the cap.
//
// The running itself is one self-contained function (createProcessRunner: it reaches Node's modules only through the
// `load` it is given), because the judge runs it in a small process of its own, the launcher (launcher.ts), sent there
// as text: a process forks its whole memory map to start a child, and from the judge's large process (the web
// server, or a worker holding an embedded database) that costs far more than the program's own start (measured here:
// spawning python3 took 12.6 ms from a small process and 35.9 ms from one of 450 MB).
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { toSafeText } from '../../judge/output';

export interface ProcessRequest {
	command: string;
	args: string[];
	cwd: string;
	/** Runs the child as this user and group (needs root); unset keeps ours. */
	user?: { uid: number; gid: number };
	stdin: string;
	/**
	 * Written to the child's file descriptors 3, 4, … in this order, each then closed (bubblewrap copies the program
	 * and its seccomp filter from there).
	 */
	inputs?: Array<string | Uint8Array>;
	/**
	 * The child is bubblewrap writing its --info-fd JSON to the descriptor after the inputs. Then a kill goes to the
	 * sandbox's PID 1 named there, not to bubblewrap: killing bubblewrap would orphan the program, leaving it a zombie
	 * of the host's PID 1 (never reaped if that is Node in a container); killed from the inside, bubblewrap
	 * reaps it and exits.
	 */
	bubblewrapInfo?: boolean;
	wallTimeLimitMs: number;
	outputLimitBytes: number;
	signal?: AbortSignal;
}

export interface ProcessOutcome {
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	/** Killed by the wall clock. */
	timedOut: boolean;
	/** Killed for writing more than the output limit on stdout or stderr. */
	outputLimitExceeded: boolean;
	stdout: string;
	stderr: string;
	timeMs: number;
}

/** A process's outcome with its output still as bytes: what the runner answers, decoded by whoever asked. */
export type RawProcessOutcome = Omit<ProcessOutcome, 'stdout' | 'stderr'> & { stdout: Uint8Array; stderr: Uint8Array };

/** The process could not be started at all (its program is missing, say): thrown as an Error of this name. */
export function isProcessStartError(error: unknown): error is Error {
	return error instanceof Error && error.name === 'ProcessStartError';
}

/** Runs a process in this process (the launcher uses the same function, see launcher.ts). */
export async function runProcess(request: ProcessRequest): Promise<ProcessOutcome> {
	return decodeOutcome(await localRunner()(request));
}

export function decodeOutcome(outcome: RawProcessOutcome): ProcessOutcome {
	return { ...outcome, stdout: toSafeText(outcome.stdout), stderr: toSafeText(outcome.stderr) };
}

let local: ReturnType<typeof createProcessRunner> | undefined;
function localRunner() {
	local ??= createProcessRunner(createRequire(import.meta.url));
	return local;
}

/**
 * The process runner. Self-contained: everything it uses is inside it or comes through `load`, so that its text runs
 * as it is in the launcher. A start failure is thrown as an Error named ProcessStartError.
 */
export function createProcessRunner(load: (module: string) => unknown): (request: ProcessRequest) => Promise<RawProcessOutcome> {
	const { spawn } = load('node:child_process') as typeof import('node:child_process');
	const { randomBytes } = load('node:crypto') as typeof import('node:crypto');
	const { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, unlinkSync, writeFileSync } = load('node:fs') as typeof import('node:fs');
	const { tmpdir } = load('node:os') as typeof import('node:os');
	const { join } = load('node:path') as typeof import('node:path');

	const startError = (message: string) => Object.assign(new Error(message), { name: 'ProcessStartError' });

	function runProcess(request: ProcessRequest): Promise<RawProcessOutcome> {
		return new Promise((resolve, reject) => {
			const started = performance.now();
			const inputs = request.inputs ?? [];
			const infoDescriptor = 3 + inputs.length;
			const stdio = stdioWithoutInheritedDescriptors(infoDescriptor + (request.bubblewrapInfo ? 1 : 0));
			const stdinFile = openStdinFile(request.stdin);
			stdio[0] = stdinFile;
			let child: ReturnType<typeof spawn>;
			try {
				child = spawn(request.command, request.args, {
					cwd: request.cwd,
					env: {},
					stdio,
					// Its own process group, so that killing the group also reaches anything it started.
					detached: true,
					...(request.user ?? {})
				});
			} finally {
				closeSync(stdinFile);
			}
			let timedOut = false;
			let outputLimitExceeded = false;
			let exited: { code: number | null; signal: NodeJS.Signals | null; timeMs: number } | undefined;

			let sandboxPid: number | undefined;
			let killRequested = false;
			const kill = () => {
				killRequested = true;
				const group = child.pid === undefined ? undefined : -child.pid;
				// Note: the sandbox's PID cannot have been reused yet: bubblewrap, still running, has not reaped it.
				// Without it (bubblewrap has not reported it yet), the group: --die-with-parent then ends the program.
				const target = request.bubblewrapInfo ? (sandboxPid ?? group) : group;
				if (target === undefined || exited) return;
				try {
					process.kill(target, 'SIGKILL');
				} catch {
					// Already gone.
				}
			};
			if (request.bubblewrapInfo) {
				readSandboxPid(child.stdio[infoDescriptor] as NodeJS.ReadableStream, (pid) => {
					sandboxPid = pid;
					if (killRequested) kill();
				});
			}
			const stdout = capture(child.stdout, request.outputLimitBytes, () => {
				outputLimitExceeded = true;
				kill();
			});
			const stderr = capture(child.stderr, request.outputLimitBytes, () => {
				outputLimitExceeded = true;
				kill();
			});
			const wallClock = setTimeout(() => {
				timedOut = true;
				kill();
			}, request.wallTimeLimitMs);
			const abort = () => kill();
			request.signal?.addEventListener('abort', abort, { once: true });
			if (request.signal?.aborted) kill();

			child.on('error', (error) => {
				clearTimeout(wallClock);
				request.signal?.removeEventListener('abort', abort);
				reject(startError(`cannot start ${request.command}: ${error.message}`));
			});
			child.on('exit', (code, signal) => {
				exited = { code, signal, timeMs: Math.round(performance.now() - started) };
			});
			child.on('close', () => {
				clearTimeout(wallClock);
				request.signal?.removeEventListener('abort', abort);
				if (!exited) return;
				resolve({
					exitCode: exited.code,
					signal: exited.signal,
					timedOut,
					outputLimitExceeded,
					stdout: stdout.text(),
					stderr: stderr.text(),
					timeMs: exited.timeMs
				});
			});

			inputs.forEach((input, index) => {
				const descriptor = child.stdio[3 + index] as NodeJS.WritableStream & { on(event: 'error', listener: () => void): void };
				descriptor.on('error', () => {});
				descriptor.end(input);
			});
		});
	}

	/** The first "child-pid" bubblewrap reports; nothing after it is read (the program never holds this pipe anyway). */
	function readSandboxPid(stream: NodeJS.ReadableStream, onPid: (pid: number) => void) {
		let info = '';
		const read = (chunk: Buffer) => {
			info += chunk.toString();
			const pid = /"child-pid":\s*(\d+)/.exec(info);
			if (pid || info.length > 4096) stream.off('data', read);
			if (pid && Number(pid[1]) > 1) onPid(Number(pid[1]));
		};
		stream.on('data', read);
	}

	function capture(stream: NodeJS.ReadableStream | null, limitBytes: number, onLimit: () => void) {
		const chunks: Buffer[] = [];
		let size = 0;
		let full = false;
		stream?.on('data', (chunk: Buffer) => {
			if (full) return;
			const room = limitBytes - size;
			if (chunk.length > room) {
				full = true;
				chunks.push(chunk.subarray(0, room));
				size = limitBytes;
				onLimit();
				return;
			}
			chunks.push(chunk);
			size += chunk.length;
		});
		return { text: () => new Uint8Array(Buffer.concat(chunks, size)) };
	}

	let stdinDirectory: string | undefined;

	/**
	 * The input as a file the program reads from descriptor 0, already unlinked. Not a pipe: Node's stdio pipes are
	 * sockets, which `/dev/stdin` (a link to /proc/self/fd/0) cannot be opened on (ENXIO), and students are taught
	 * `readFileSync('/dev/stdin')` and `open(0)`. World-readable because the program runs as another uid and reopens
	 * it through that link; nothing else can reach it (the directory is private and the file is gone at once).
	 */
	function openStdinFile(input: string): number {
		stdinDirectory ??= mkdtempSync(join(sharedMemoryOrTmp(), 'itbu-judge-stdin-'));
		const path = join(stdinDirectory, randomBytes(8).toString('hex'));
		writeFileSync(path, input, { mode: 0o644 });
		const fd = openSync(path, 'r');
		unlinkSync(path);
		return fd;
	}

	/** A RAM-backed folder when there is one (inputs are written once per case and read at once). */
	function sharedMemoryOrTmp(): string {
		try {
			readdirSync('/dev/shm');
			return '/dev/shm';
		} catch {
			return tmpdir();
		}
	}

	const closeOnExec = 0o2000000;
	let devNull: number | undefined;

	/**
	 * `pipes` pipes from descriptor 0 up, and /dev/null over every descriptor this process inherited without
	 * close-on-exec: Node opens its own with close-on-exec, but whatever started it (a shell, a supervisor)
	 * may have left some open, and they would otherwise leak into every program.
	 */
	function stdioWithoutInheritedDescriptors(pipes: number): Array<'pipe' | 'ignore' | number> {
		const stdio: Array<'pipe' | 'ignore' | number> = Array.from({ length: pipes }, () => 'pipe');
		for (const fd of inheritedDescriptors()) {
			if (fd < stdio.length) continue;
			devNull ??= openSync('/dev/null', 'r');
			while (stdio.length < fd) stdio.push('ignore');
			stdio[fd] = devNull;
		}
		return stdio;
	}

	let inherited: number[] | undefined;

	function inheritedDescriptors(): number[] {
		inherited ??= listDescriptorsWithoutCloseOnExec();
		return inherited;
	}

	function listDescriptorsWithoutCloseOnExec(): number[] {
		let entries: string[];
		try {
			entries = readdirSync('/proc/self/fdinfo');
		} catch {
			return []; // Not Linux: nothing to inspect (and no sandbox either).
		}
		return entries
			.map(Number)
			.filter((fd) => fd > 2)
			.filter((fd) => {
				try {
					const flags = /flags:\s*([0-7]+)/.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
					return flags !== null && (parseInt(flags[1] ?? '0', 8) & closeOnExec) === 0;
				} catch {
					return false; // Closed meanwhile (e.g. the directory handle of readdirSync itself).
				}
			});
	}

	return runProcess;
}

/** bubblewrap reports a program killed by signal N as exit code 128 + N. */
export function signalFromExitCode(exitCode: number | null): NodeJS.Signals | null {
	if (exitCode === null || exitCode <= 128) return null;
	const entry = Object.entries(constants.signals).find(([, number]) => number === exitCode - 128);
	return entry ? (entry[0] as NodeJS.Signals) : null;
}
