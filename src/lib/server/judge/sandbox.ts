// Where student programs run: bubblewrap when it works, and a loud, labelled fallback on development
// machines when it does not. Production refuses to start without the real thing (fail closed).
import { cwd, getuid } from 'node:process';
import { log } from '../log';
import { runInBubblewrap, type BubblewrapSetup, type SandboxRun } from './bubblewrap';
import { defaultInterpreters, type Interpreters } from './languages';
import { defaultLimits } from './limits';
import type { ProcessOutcome } from './process';
import { runUnsandboxed } from './unsandboxed';

export type { SandboxRun } from './bubblewrap';
export { SandboxFailure } from './bubblewrap';
export type RunOutcome = ProcessOutcome;

export interface SandboxOptions {
	/** In production a sandbox that fails its probe, or cannot limit processes, stops the judge from starting. */
	production: boolean;
	interpreters?: Partial<Interpreters>;
	bubblewrap?: string;
	prlimit?: string;
}

export interface Sandbox {
	/** False on a development machine without bubblewrap: results carry it so the UI can say so. */
	readonly sandboxed: boolean;
	run(run: SandboxRun): Promise<RunOutcome>;
}

export interface ProbeResult {
	/** Isolation holds and the process limit is enforced: what production requires. */
	ok: boolean;
	/** What a program could see or do that it should not (or why it could not even start); empty when isolated. */
	isolationProblems: string[];
	/** Runs get their own uid, so RLIMIT_NPROC holds (needs the judge to run as root). */
	processLimitEnforced: boolean;
}

export class SandboxUnavailableError extends Error {
	override name = 'SandboxUnavailableError';
}

const processLimitProblem = 'not running as root, so runs cannot get their own uid and the process limit is not enforced';

function bubblewrapSetup(options: SandboxOptions): BubblewrapSetup {
	const ownUidPerRun = getuid?.() === 0;
	return {
		bubblewrap: options.bubblewrap ?? '/usr/bin/bwrap',
		prlimit: options.prlimit ?? '/usr/bin/prlimit',
		interpreters: { ...defaultInterpreters, ...options.interpreters },
		ownUidPerRun
	};
}

/** A real run of each interpreter in the sandbox, checking from the inside what a program can see and do. */
export function probeSandbox(options: SandboxOptions): Promise<ProbeResult> {
	return probe(bubblewrapSetup(options));
}

async function probe(setup: BubblewrapSetup): Promise<ProbeResult> {
	const isolationProblems: string[] = [];
	const runProbe = async (run: Omit<SandboxRun, 'stdin' | 'limits' | 'purpose'>) => {
		try {
			const outcome = await runInBubblewrap(setup, { ...run, stdin: '', limits: defaultLimits, purpose: 'run' });
			const report = outcome.stdout.trim();
			if (report !== 'isolated') isolationProblems.push(`${run.language}: ${report || outcome.stderr.trim() || `exit ${outcome.exitCode}`}`);
		} catch (error) {
			isolationProblems.push(`${run.language}: ${error instanceof Error ? error.message : String(error)}`);
		}
	};
	await runProbe({ language: 'python', source: pythonProbe(cwd()) });
	await runProbe({ language: 'javascript', source: "console.log('isolated');" });
	const processLimitEnforced = setup.ownUidPerRun;
	return { ok: isolationProblems.length === 0 && processLimitEnforced, isolationProblems, processLimitEnforced };
}

function pythonProbe(appDirectory: string): string {
	return `
import os
problems = []
if os.getuid() == 0:
    problems.append("runs as root")
for path in ("/etc/passwd", "/root", "/home", "/var", ${JSON.stringify(appDirectory)}):
    if os.path.exists(path):
        problems.append("can see " + path)
with open("/proc/net/dev") as devices:
    interfaces = {line.split(":")[0].strip() for line in devices.readlines()[2:]}
if interfaces - {"lo"}:
    problems.append("network interfaces " + ", ".join(sorted(interfaces)))
if set(os.environ) - {"HOME", "LANG", "LC_CTYPE", "PWD"}:
    problems.append("environment " + ", ".join(sorted(os.environ)))
try:
    open("/outside-work-directory", "w")
    problems.append("root directory writable")
except OSError:
    pass
print("; ".join(problems) or "isolated")
`;
}

/**
 * The sandbox to judge with. Production: bubblewrap passing its probe with the process limit enforced,
 * or SandboxUnavailableError. Development: bubblewrap if it works at all, else unsandboxed runs.
 */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
	const setup = bubblewrapSetup(options);
	const probed = await probe(setup);
	if (options.production && !probed.ok) {
		const problems = [...probed.isolationProblems, ...(probed.processLimitEnforced ? [] : [processLimitProblem])];
		throw new SandboxUnavailableError(`the judge cannot start without a working sandbox: ${problems.join('; ')}`);
	}
	if (probed.isolationProblems.length === 0) {
		if (!probed.processLimitEnforced) log.warn(`judge sandbox: ${processLimitProblem} (acceptable in development only)`);
		return { sandboxed: true, run: (run) => runInBubblewrap(setup, run) };
	}
	log.warn('⚠⚠⚠ judge: NO SANDBOX. Student programs run as ordinary processes of this server. Development only. ⚠⚠⚠', {
		problems: probed.isolationProblems
	});
	return { sandboxed: false, run: (run) => runUnsandboxed(setup.interpreters, run) };
}
