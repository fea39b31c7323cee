// One run of a student's program inside bubblewrap, with rlimits set by prlimit(1).
//
// The command line is  prlimit <limits> -- bwrap <namespaces, mounts, seccomp> -- <interpreter> main.<ext>
// started directly as a per-run unprivileged uid (Node's spawn does setgroups/setgid/setuid), because
// as root RLIMIT_NPROC is not enforced even inside a user namespace (see DESIGN.md, "Code execution").
// bubblewrap reads the program from descriptor 3, then the language's support files, then the seccomp filter, and
// reports on the next descriptor.
import { randomInt } from 'node:crypto';
import { lstatSync, readlinkSync } from 'node:fs';
import { languageDefinitions, type Interpreters, type RuntimeLanguage, type StartupFootprints } from './languages';
import { fileSizeLimitBytes, startupAllowanceMs, workDirectorySizeBytes, type RunLimits } from './limits';
import { runProcess, signalFromExitCode, isProcessStartError, type ProcessOutcome, type ProcessRequest } from './process';

export const workDirectory = '/sandbox';
/** Where the interpreter finds the language's support files (languages.ts), read-only. */
export const supportDirectory = '/judge';

export interface BubblewrapSetup {
	bubblewrap: string;
	prlimit: string;
	interpreters: Interpreters;
	/** Give every run its own uid, which needs root; without it the process limit cannot be enforced. */
	ownUidPerRun: boolean;
	/** bubblewrap 0.8+ can keep the program from making nested user namespaces; older ones only in development. */
	disableUserNamespaces: boolean;
	/** The compiled seccomp filter (seccomp.ts); absent only in development where libseccomp is missing. */
	seccompFilter?: Uint8Array;
	/** What each interpreter holds before the program starts, measured in this sandbox (sandbox.ts). */
	footprints: StartupFootprints;
	/** Starts the processes: the judge's launcher (launcher.ts), or, unset, this process itself. */
	launch?: (request: ProcessRequest) => Promise<ProcessOutcome>;
}

export interface SandboxRun {
	language: RuntimeLanguage;
	source: string;
	stdin: string;
	limits: RunLimits;
	/** `check` compiles the source without running it. */
	purpose: 'run' | 'check';
	signal?: AbortSignal;
}

/** The sandbox itself failed (not the program): the submission is retried, then reported as IE. */
export class SandboxFailure extends Error {
	override name = 'SandboxFailure';
}

/**
 * A fresh uid per run, far above any real account, so that RLIMIT_NPROC counts this run's processes
 * only: with a shared uid, one fork bomb would starve every other run of its processes.
 */
export const sandboxUids = { first: 2_000_000_000, size: 100_000_000 };

export async function runInBubblewrap(setup: BubblewrapSetup, run: SandboxRun): Promise<ProcessOutcome> {
	const uid = sandboxUids.first + randomInt(sandboxUids.size);
	let outcome: ProcessOutcome;
	try {
		outcome = await (setup.launch ?? runProcess)({
			command: setup.prlimit,
			args: [...prlimitArguments(setup, run), '--', setup.bubblewrap, ...bubblewrapArguments(setup, run)],
			cwd: '/',
			user: setup.ownUidPerRun ? { uid, gid: uid } : undefined,
			stdin: run.stdin,
			inputs: [run.source, ...Object.values(languageDefinitions[run.language].supportFiles), ...(setup.seccompFilter ? [setup.seccompFilter] : [])],
			bubblewrapInfo: true,
			wallTimeLimitMs: run.limits.timeLimitMs + startupAllowanceMs,
			outputLimitBytes: run.limits.outputLimitKb * 1024,
			signal: run.signal
		});
	} catch (error) {
		if (isProcessStartError(error)) throw new SandboxFailure(error.message);
		throw error;
	}
	// Both tools report their own failures as exit code 1 and one line on stderr, before the program exists.
	if (outcome.exitCode === 1 && /^(bwrap|prlimit): /.test(outcome.stderr)) {
		throw new SandboxFailure(outcome.stderr.trim());
	}
	return {
		...outcome,
		signal: outcome.signal ?? signalFromExitCode(outcome.exitCode),
		exitCode: signalFromExitCode(outcome.exitCode) ? null : outcome.exitCode,
		// main.py rather than /sandbox/main.py, and main.js rather than file:///sandbox/main.js (ES modules).
		stderr: outcome.stderr.replaceAll(`file://${workDirectory}/`, '').replaceAll(`${workDirectory}/`, '')
	};
}

function prlimitArguments(setup: BubblewrapSetup, { limits, language }: SandboxRun): string[] {
	// Whole seconds only: the CPU limit is a backstop behind the wall clock, which is exact.
	const cpuSeconds = Math.ceil((limits.timeLimitMs + startupAllowanceMs) / 1000);
	const memory = languageDefinitions[language].memoryLimits(limits, setup.footprints[language]);
	return [
		`--cpu=${cpuSeconds}:${cpuSeconds + 1}`,
		`--fsize=${fileSizeLimitBytes}`,
		'--core=0',
		'--nofile=256',
		...(setup.ownUidPerRun ? [`--nproc=${limits.processLimit}`] : []),
		...(memory.addressSpaceBytes ? [`--as=${memory.addressSpaceBytes}`] : []),
		...(memory.dataBytes ? [`--data=${memory.dataBytes}`] : [])
	];
}

export function bubblewrapArguments(setup: BubblewrapSetup, run: SandboxRun): string[] {
	const definition = languageDefinitions[run.language];
	const interpreter = setup.interpreters[run.language];
	const programArguments = run.purpose === 'check' ? definition.checkArguments() : definition.runArguments(run.limits, supportDirectory);
	// Descriptors as runInBubblewrap passes them: the program on 3, the support files after it, then the filter.
	const supportFiles = Object.keys(definition.supportFiles).flatMap((name, index) => [
		'--perms',
		'0444',
		'--ro-bind-data',
		String(4 + index),
		`${supportDirectory}/${name}`
	]);
	const seccompDescriptor = 4 + Object.keys(definition.supportFiles).length;
	return [
		// New user, PID, network, IPC, UTS and cgroup namespaces: no network at all, no other process visible.
		'--unshare-all',
		// No nested user namespace for the program: inside one it would be root again.
		...(setup.disableUserNamespaces ? ['--unshare-user', '--disable-userns'] : []),
		...(setup.seccompFilter ? ['--seccomp', String(seccompDescriptor)] : []),
		'--die-with-parent',
		'--info-fd',
		String(seccompDescriptor + (setup.seccompFilter ? 1 : 0)),
		// No bubblewrap init inside: its outer process then reaps the program itself. With an init, the outer
		// process exits first and the init becomes a zombie of the host's PID 1 (measured here: they pile up;
		// in a container whose PID 1 is Node, none would ever be reaped).
		'--as-pid-1',
		// A new session: the program cannot reach the terminal of the server (TIOCSTI).
		'--new-session',
		'--clearenv',
		'--setenv',
		'HOME',
		workDirectory,
		'--setenv',
		'LANG',
		'C.UTF-8',
		'--ro-bind',
		'/usr',
		'/usr',
		...systemDirectoryLinks(),
		...(interpreter.startsWith('/usr/') ? [] : ['--ro-bind', interpreter, interpreter]),
		'--proc',
		'/proc',
		'--dev',
		'/dev',
		'--size',
		String(workDirectorySizeBytes),
		'--tmpfs',
		workDirectory,
		'--perms',
		'0444',
		'--ro-bind-data',
		'3',
		`${workDirectory}/${definition.fileName}`,
		...supportFiles,
		// The sandbox's root and /dev are tmpfs created by bubblewrap: made read-only, the work directory
		// is the only place the program can write.
		'--remount-ro',
		'/dev',
		'--remount-ro',
		'/',
		'--chdir',
		workDirectory,
		'--',
		interpreter,
		...programArguments
	];
}

let links: string[] | undefined;

/** /bin, /lib, /lib64, /sbin as on the host: symbolic links into /usr on merged-/usr systems, else read-only binds. */
function systemDirectoryLinks(): string[] {
	links ??= ['/bin', '/lib', '/lib64', '/sbin'].flatMap((path) => {
		try {
			const stat = lstatSync(path);
			if (stat.isSymbolicLink()) return ['--symlink', readlinkSync(path), path];
			return stat.isDirectory() ? ['--ro-bind', path, path] : [];
		} catch {
			return [];
		}
	});
	return links;
}
