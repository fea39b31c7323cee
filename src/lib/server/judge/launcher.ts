// The judge's launcher: a small Node process of its own from which the sandboxed programs are started, because
// starting a child from the judge's large process costs far more (see process.ts). It runs the same process runner,
// sent to it as text, and answers over its IPC channel. It ends when the judge does (its channel closes), and the
// programs it started end with it (bubblewrap's --die-with-parent).
import { spawn, type ChildProcess } from 'node:child_process';
import { createProcessRunner, decodeOutcome, type ProcessOutcome, type ProcessRequest, type RawProcessOutcome } from './process';

export interface Launcher {
	run(request: ProcessRequest): Promise<ProcessOutcome>;
	/** Ends the launcher (and anything it still runs). */
	close(): void;
}

type Reply = { id: number; outcome: RawProcessOutcome } | { id: number; error: { name: string; message: string } };

// `__name`: the helper esbuild adds to named functions when it keeps names (tsx does), so that the runner's text also
// runs where it was compiled that way.
const launcherScript = () => `
var __name = function (target) { return target; };
var run = (${createProcessRunner.toString()})(require);
var controllers = new Map();
process.on('message', function (message) {
	if (message.abort) {
		var running = controllers.get(message.id);
		if (running) running.abort();
		return;
	}
	var controller = new AbortController();
	controllers.set(message.id, controller);
	run(Object.assign({}, message.request, { signal: controller.signal })).then(
		function (outcome) { process.send({ id: message.id, outcome: outcome }); },
		function (error) { process.send({ id: message.id, error: { name: error.name, message: error.message } }); }
	).finally(function () { controllers.delete(message.id); });
});
process.on('disconnect', function () { process.exit(0); });
`;

export function startLauncher(): Launcher {
	let child: ChildProcess | undefined;
	let nextId = 0;
	const pending = new Map<number, { resolve: (outcome: ProcessOutcome) => void; reject: (error: Error) => void }>();

	const failAll = (message: string) => {
		for (const { reject } of pending.values()) reject(Object.assign(new Error(message), { name: 'ProcessStartError' }));
		pending.clear();
	};
	// The channel keeps this process alive only while a run is under way, like a child process of its own would.
	const holdOpen = () => {
		if (pending.size > 0) child?.channel?.ref();
		else child?.channel?.unref();
	};

	const ensureStarted = (): ChildProcess => {
		if (child?.connected) return child;
		const started = spawn(process.execPath, ['--eval', launcherScript()], {
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
			serialization: 'advanced',
			env: {}
		});
		started.on('message', (reply: Reply) => {
			const waiting = pending.get(reply.id);
			if (!waiting) return;
			pending.delete(reply.id);
			holdOpen();
			if ('outcome' in reply) waiting.resolve(decodeOutcome(reply.outcome));
			else waiting.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
		});
		started.on('exit', (code, signal) => {
			if (child === started) child = undefined;
			failAll(`the judge's launcher ended (${signal ?? `exit ${code}`})`);
		});
		started.on('error', (error) => failAll(`the judge's launcher failed: ${error.message}`));
		// Neither the process nor its channel keeps the judge running.
		started.unref();
		started.channel?.unref();
		child = started;
		return started;
	};

	return {
		run(request) {
			const { signal, ...message } = request;
			const launcher = ensureStarted();
			const id = ++nextId;
			return new Promise<ProcessOutcome>((resolve, reject) => {
				const abort = () => {
					if (launcher.connected) launcher.send({ id, abort: true });
				};
				const settle =
					<T>(finish: (value: T) => void) =>
					(value: T) => {
						signal?.removeEventListener('abort', abort);
						finish(value);
					};
				pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
				holdOpen();
				try {
					launcher.send({ id, request: message });
				} catch (error) {
					pending.delete(id);
					holdOpen();
					reject(Object.assign(new Error(`the judge's launcher is gone: ${(error as Error).message}`), { name: 'ProcessStartError' }));
					return;
				}
				signal?.addEventListener('abort', abort, { once: true });
				if (signal?.aborted) abort();
			});
		},
		close() {
			child?.kill('SIGKILL');
			child = undefined;
		}
	};
}
