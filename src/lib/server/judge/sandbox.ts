// Where student programs run: bubblewrap when it works, and a loud, labelled fallback on development
// machines when it does not. Production refuses to start without the real thing (fail closed).
import { execFile } from 'node:child_process';
import { cwd, getuid } from 'node:process';
import { log } from '../log';
import { startLauncher, type Launcher } from './launcher';
import { runInBubblewrap, type BubblewrapSetup, type SandboxRun } from './bubblewrap';
import { defaultInterpreters, type Interpreters, type StartupFootprints } from './languages';
import { defaultLimits } from './limits';
import type { ProcessOutcome } from './process';
import { compileSeccompFilter, SeccompUnavailableError } from './seccomp';
import { runUnsandboxed } from './unsandboxed';

export type { SandboxRun } from './bubblewrap';
export { SandboxFailure } from './bubblewrap';
export type RunOutcome = ProcessOutcome;

export interface SandboxOptions {
	/**
	 * In production a sandbox that fails its probe, cannot limit processes or cannot filter system calls stops the
	 * judge from starting.
	 */
	production: boolean;
	/** The interpreters programs run with (JUDGE_NODE sets JavaScript's; default: the server's own node). */
	interpreters?: Partial<Interpreters>;
	bubblewrap?: string;
	prlimit?: string;
	/** The Python with libseccomp (python3-seccomp) that compiles the filter; default: the judge's Python. */
	seccompCompiler?: string;
}

export interface Sandbox {
	/** False on a development machine without bubblewrap: results carry it so the UI can say so. */
	readonly sandboxed: boolean;
	run(run: SandboxRun): Promise<RunOutcome>;
}

export interface ProbeResult {
	/** Isolation holds, the process limit is enforced, system calls are filtered, no nested user namespaces: production. */
	ok: boolean;
	/** What a program could see or do that it should not (or why it could not even start); empty when isolated. */
	isolationProblems: string[];
	/** Runs get their own uid, so RLIMIT_NPROC holds (needs the judge to run as root). */
	processLimitEnforced: boolean;
	/** The seccomp filter is in force inside, as seen by both interpreters (needs python3-seccomp). */
	systemCallsFiltered: boolean;
	/** bubblewrap keeps programs from making nested user namespaces (`--disable-userns`, bubblewrap 0.8+). */
	userNamespacesDisabled: boolean;
}

export class SandboxUnavailableError extends Error {
	override name = 'SandboxUnavailableError';
}

const processLimitProblem = 'not running as root, so runs cannot get their own uid and the process limit is not enforced';
const userNamespacesProblem = 'bubblewrap has no --disable-userns (0.8 or later needed)';

/** Whether this bubblewrap knows `option` (its --help lists every option; a missing bubblewrap knows none). */
function bubblewrapSupports(bubblewrap: string, option: string): Promise<boolean> {
	return new Promise((resolve) => {
		execFile(bubblewrap, ['--help'], { env: {}, timeout: 10_000 }, (error, stdout) => resolve(!error && stdout.includes(option)));
	});
}

/**
 * Assumed before the start-up footprint of Node is measured: a limit that any Node starts under (Node 24 needs
 * ~560 MB of VmData before the first line of a program), applied only to the judge's own measuring program.
 */
const unmeasuredFootprints: StartupFootprints = { python: { dataBytes: 0 }, javascript: { dataBytes: 4 * 1024 ** 3 } };

async function bubblewrapSetup(options: SandboxOptions): Promise<{ setup: BubblewrapSetup; seccompProblem?: string }> {
	const interpreters = { ...defaultInterpreters, ...options.interpreters };
	const setup: BubblewrapSetup = {
		bubblewrap: options.bubblewrap ?? '/usr/bin/bwrap',
		prlimit: options.prlimit ?? '/usr/bin/prlimit',
		interpreters,
		ownUidPerRun: getuid?.() === 0,
		disableUserNamespaces: await bubblewrapSupports(options.bubblewrap ?? '/usr/bin/bwrap', '--disable-userns'),
		footprints: unmeasuredFootprints,
		launch: sharedLauncher().run
	};
	try {
		setup.seccompFilter = await compileSeccompFilter(options.seccompCompiler ?? interpreters.python);
	} catch (error) {
		if (!(error instanceof SeccompUnavailableError)) throw error;
		return { setup, seccompProblem: error.message };
	}
	return { setup };
}

let launcher: Launcher | undefined;

/** One launcher per process, shared by every sandbox in it (a few MB, started on the first run). */
function sharedLauncher(): Launcher {
	launcher ??= startLauncher();
	return launcher;
}

/** A real run of each interpreter in the sandbox, checking from the inside what a program can see and do. */
export async function probeSandbox(options: SandboxOptions): Promise<ProbeResult> {
	const { setup } = await bubblewrapSetup(options);
	return (await probe(setup)).result;
}

interface ProbeReport {
	problems: string[];
	/** Seccomp mode 2 in /proc/self/status (Python also checks that filtered calls fail by the filter, not otherwise). */
	filtered: boolean;
	/** VmData at the first line of the program, in bytes. */
	dataBytes?: number;
}

/**
 * Measures Node's start-up footprint in the sandbox, then checks each interpreter from the inside under the real
 * limits. Returns the setup with the footprints measured.
 */
async function probe(unmeasured: BubblewrapSetup): Promise<{ result: ProbeResult; setup: BubblewrapSetup }> {
	const isolationProblems: string[] = [];
	const filtered: boolean[] = [];
	const runProbe = async (setup: BubblewrapSetup, run: Pick<SandboxRun, 'language' | 'source'>): Promise<ProbeReport | undefined> => {
		try {
			const outcome = await runInBubblewrap(setup, { ...run, stdin: '', limits: defaultLimits, purpose: 'run' });
			const report = parseReport(outcome.stdout);
			if (!report) {
				isolationProblems.push(`${run.language}: ${outcome.stderr.trim().split('\n').slice(0, 4).join(' ') || `exit ${outcome.exitCode}`}`);
				return undefined;
			}
			isolationProblems.push(...report.problems.map((problem) => `${run.language}: ${problem}`));
			filtered.push(report.filtered);
			return report;
		} catch (error) {
			isolationProblems.push(`${run.language}: ${error instanceof Error ? error.message : String(error)}`);
			return undefined;
		}
	};
	const measured = (await runProbe(unmeasured, { language: 'javascript', source: javascriptProbe }))?.dataBytes;
	if (measured === undefined && isolationProblems.length === 0) isolationProblems.push('javascript: no start-up footprint reported');
	const setup: BubblewrapSetup = {
		...unmeasured,
		footprints: { ...unmeasured.footprints, javascript: { dataBytes: measured ?? unmeasured.footprints.javascript.dataBytes } }
	};
	// Again under the limit every program gets: Node must start within it (Node 24 did not, before it was measured).
	await runProbe(setup, { language: 'javascript', source: javascriptProbe });
	await runProbe(setup, { language: 'python', source: pythonProbe(cwd()) });
	const processLimitEnforced = setup.ownUidPerRun;
	const systemCallsFiltered = Boolean(setup.seccompFilter) && filtered.length === 3 && filtered.every(Boolean);
	const userNamespacesDisabled = setup.disableUserNamespaces;
	const ok = isolationProblems.length === 0 && processLimitEnforced && systemCallsFiltered && userNamespacesDisabled;
	return { result: { ok, isolationProblems, processLimitEnforced, systemCallsFiltered, userNamespacesDisabled }, setup };
}

function parseReport(stdout: string): ProbeReport | undefined {
	try {
		const report = JSON.parse(stdout) as ProbeReport;
		return Array.isArray(report.problems) && typeof report.filtered === 'boolean' ? report : undefined;
	} catch {
		return undefined;
	}
}

const javascriptProbe = `
const status = require('fs').readFileSync('/proc/self/status', 'utf8');
const dataKb = Number(/^VmData:\\s+(\\d+)/m.exec(status)[1]);
console.log(JSON.stringify({ problems: [], filtered: /^Seccomp:\\s+2$/m.test(status), dataBytes: dataKb * 1024 }));
`;

function pythonProbe(appDirectory: string): string {
	return `
import ctypes, errno, json, os, socket
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
libc = ctypes.CDLL(None, use_errno=True)
if libc.unshare(0x10000000) == 0:
    problems.append("can create a user namespace")
unshare_errno = ctypes.get_errno()
try:
    socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM).close()
    netlink_errno = 0
except OSError as error:
    netlink_errno = error.errno
with open("/proc/self/status") as status:
    seccomp_mode = [line.split()[1] for line in status if line.startswith("Seccomp:")]
filtered = seccomp_mode == ["2"] and unshare_errno == errno.EPERM and netlink_errno == errno.EAFNOSUPPORT
print(json.dumps({"problems": problems, "filtered": filtered}))
`;
}

/**
 * The sandbox to judge with. Production: bubblewrap passing its probe with the process limit enforced, system calls
 * filtered and nested user namespaces disabled, or SandboxUnavailableError. Development: bubblewrap if it works at all, else unsandboxed runs.
 */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
	const { setup: unmeasured, seccompProblem } = await bubblewrapSetup(options);
	const { result: probed, setup } = await probe(unmeasured);
	if (options.production && !probed.ok) {
		const problems = [
			...probed.isolationProblems,
			...(probed.processLimitEnforced ? [] : [processLimitProblem]),
			...(probed.systemCallsFiltered ? [] : [seccompProblem ?? 'the seccomp filter is not in force inside the sandbox']),
			...(probed.userNamespacesDisabled ? [] : [userNamespacesProblem])
		];
		throw new SandboxUnavailableError(`the judge cannot start without a working sandbox: ${problems.join('; ')}`);
	}
	if (probed.isolationProblems.length === 0) {
		if (!probed.processLimitEnforced) log.warn(`judge sandbox: ${processLimitProblem} (acceptable in development only)`);
		if (!probed.systemCallsFiltered) log.warn(`judge sandbox: no seccomp filter: ${seccompProblem ?? 'not in force'} (acceptable in development only)`);
		if (!probed.userNamespacesDisabled) log.warn(`judge sandbox: ${userNamespacesProblem} (acceptable in development only)`);
		return { sandboxed: true, run: (run) => runInBubblewrap(setup, run) };
	}
	log.warn('⚠⚠⚠ judge: NO SANDBOX. Student programs run as ordinary processes of this server. Development only. ⚠⚠⚠', {
		problems: probed.isolationProblems
	});
	return { sandboxed: false, run: (run) => runUnsandboxed(setup.interpreters, run) };
}
