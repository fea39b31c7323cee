// What a hostile program can reach from inside the sandbox: nothing of the host, nobody on the network,
// no way to outgrow its limits, and no trace left behind.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxUids } from './bubblewrap';
import { createSandbox, probeSandbox, SandboxUnavailableError } from './sandbox';
import { judgeProgram, quickLimits, runOnce, sumPrograms, useSandbox } from './testing';

const sandbox = useSandbox();

/**
 * Sandbox processes orphaned to the host's PID 1: what a run leaves behind if the sandbox is not torn down
 * from the inside. (Processes of runs still going, e.g. in other test files, have their bubblewrap as parent.)
 */
function orphanedSandboxProcesses(): number[] {
	return readdirSync('/proc')
		.filter((entry) => /^\d+$/.test(entry))
		.filter((pid) => {
			try {
				const status = readFileSync(`/proc/${pid}/status`, 'utf8');
				const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
				const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
				return uid >= sandboxUids.first && uid < sandboxUids.first + sandboxUids.size && parent === 1;
			} catch {
				return false; // Exited meanwhile.
			}
		})
		.map(Number);
}

describe('the probe', () => {
	it('passes here, with the process limit enforced (CI runs as root)', async () => {
		expect(await probeSandbox({ production: true })).toEqual({
			ok: true,
			isolationProblems: [],
			processLimitEnforced: true,
			systemCallsFiltered: true,
			userNamespacesDisabled: true
		});
	});

	it('fails closed: production refuses a broken sandbox; development runs unsandboxed, labelled', async () => {
		await expect(createSandbox({ production: true, bubblewrap: '/nonexistent/bwrap' })).rejects.toThrow(SandboxUnavailableError);
		const fallback = await createSandbox({ production: false, bubblewrap: '/nonexistent/bwrap' });
		expect(fallback.sandboxed).toBe(false);
		const report = await judgeProgram(fallback, 'python', sumPrograms.python, [['1 2\n', '3\n']]);
		expect(report).toMatchObject({ verdict: 'AC', sandboxed: false });
	});
});

describe('files', () => {
	const secrets = ['/etc/passwd', '/etc/shadow', '/root', '/work/main/.env', '/work/main/.data', '/var/lib/postgresql', process.cwd()];

	it('the host’s secrets, the app and its databases do not exist inside', async () => {
		const source = `
import json, os
found = {}
for path in ${JSON.stringify(secrets)}:
    try:
        with open(path, "rb") as f:
            found[path] = "READ " + repr(f.read(40))
    except IsADirectoryError:
        found[path] = "LISTED " + repr(os.listdir(path)[:5])
    except OSError as error:
        found[path] = type(error).__name__
print(json.dumps(found))
`;
		const outcome = await runOnce(sandbox(), 'python', source);
		expect(JSON.parse(outcome.stdout)).toEqual(Object.fromEntries(secrets.map((path) => [path, 'FileNotFoundError'])));
	});

	it('/proc shows only the sandbox: PID 1 is the program itself', async () => {
		const outcome = await runOnce(
			sandbox(),
			'python',
			'import os\nprint(sorted(p for p in os.listdir("/proc") if p.isdigit()), open("/proc/1/cmdline").read())\n'
		);
		expect(outcome.stdout).toBe("['1'] /usr/bin/python3\x00-I\x00main.py\x00\n".replace(/\x00/g, ''));
	});

	it('writing anywhere but the work directory fails, and the work directory is small', async () => {
		const source = `
results = []
for path in ["/x", "/usr/x", "/dev/x", "/dev/shm/x", "/proc/x", "/tmp/x", "main.py"]:
    try:
        open(path, "a").write("x")
        results.append(path + " WRITTEN")
    except OSError as error:
        results.append(path + " " + type(error).__name__)
open("scratch.txt", "w").write("ok")
results.append("scratch.txt " + open("scratch.txt").read())
try:
    open("big.bin", "wb").write(b"x" * 64 * 1024 * 1024)
    results.append("big WRITTEN")
except OSError as error:
    results.append("big " + error.strerror)
print("\\n".join(results))
`;
		const outcome = await runOnce(sandbox(), 'python', source);
		expect(outcome.stdout).not.toMatch(/WRITTEN/);
		expect(outcome.stdout).toMatch(/^scratch\.txt ok$/m);
		expect(outcome.stdout).toMatch(/^big (File too large|No space left on device)$/m);
	});

	it('links a program plants in its work directory are never followed by the judge', async () => {
		const shadowStart = readFileSync('/etc/shadow', 'utf8').slice(0, 12);
		const source = `
import os
for name in ["stdout", "stderr", "output.txt", "result.json", "main.py.out", "input.txt"]:
    os.symlink("/etc/shadow", name)
try:
    os.replace("stdout", "main.py")
except OSError as error:
    print("cannot replace main.py:", type(error).__name__)
print("done")
`;
		const report = await judgeProgram(sandbox(), 'python', source, [['', 'cannot replace main.py: OSError\ndone\n']]);
		expect(report.verdict).toBe('AC');
		expect(JSON.stringify(report)).not.toContain(shadowStart);
	});
});

describe('environment', () => {
	const canary = `canary-${randomBytes(8).toString('hex')}`;
	beforeAll(() => {
		process.env.JUDGE_CANARY = canary;
	});
	afterAll(() => {
		delete process.env.JUDGE_CANARY;
	});

	it.each([
		['python', 'import os, glob\nprint(dict(os.environ))\nfor path in glob.glob("/proc/*/environ"):\n    print(path, open(path, "rb").read())\n'],
		['javascript', "console.log(JSON.stringify(process.env));\nconsole.log(require('fs').readFileSync('/proc/self/environ', 'latin1'));\n"]
	] as const)('%s: the worker’s environment never reaches the program', async (language, source) => {
		const outcome = await runOnce(sandbox(), language, source);
		expect(outcome.exitCode).toBe(0);
		expect(outcome.stdout).not.toContain(canary);
		expect(outcome.stdout).not.toMatch(/DATABASE_URL|NODE_EXTRA_CA_CERTS|JUDGE_/);
	});
});

describe('network', () => {
	it.each([
		['python', '127.0.0.1', 5432],
		['python', '1.1.1.1', 80],
		['javascript', '127.0.0.1', 5432],
		['javascript', '1.1.1.1', 80]
	] as const)('%s: connecting to %s:%i fails at once', async (language, host, port) => {
		const source =
			language === 'python'
				? `import socket, time\nstart = time.time()\ntry:\n    socket.create_connection(("${host}", ${port}), timeout=5)\n    print("CONNECTED")\nexcept OSError as error:\n    print(type(error).__name__, round(time.time() - start, 2))\n`
				: `const start = Date.now();\nrequire('net').connect(${port}, '${host}').on('connect', () => { console.log('CONNECTED'); process.exit(); }).on('error', (error) => console.log(error.code, (Date.now() - start) / 1000));\n`;
		const outcome = await runOnce(sandbox(), language, source, { limits: { ...quickLimits, timeLimitMs: 2000 } });
		expect(outcome.stdout).toMatch(/^(ConnectionRefusedError|OSError|ECONNREFUSED|ENETUNREACH) 0(\.\d+)?\n$/);
	});
});

describe('processes', () => {
	it('a fork bomb is stopped at the process limit, and leaves nothing behind', async () => {
		const source = `
import os, time
children = 0
try:
    while True:
        if os.fork() == 0:
            time.sleep(30)
            os._exit(0)
        children += 1
except OSError as error:
    print(children, type(error).__name__)
`;
		const outcome = await runOnce(sandbox(), 'python', source);
		const [children, error] = outcome.stdout.trim().split(' ');
		expect(error).toBe('BlockingIOError');
		expect(Number(children)).toBeLessThan(quickLimits.processLimit);
		expect(orphanedSandboxProcesses()).toEqual([]);
	});

	it('python, subprocess: starting programs stops at the process limit', async () => {
		const source =
			'import subprocess\nn = 0\ntry:\n    while True:\n        subprocess.Popen(["sleep", "30"])\n        n += 1\nexcept OSError as error:\n    print(n, type(error).__name__)\n';
		const outcome = await runOnce(sandbox(), 'python', source);
		const [started, error] = outcome.stdout.trim().split(' ');
		expect(error).toBe('BlockingIOError');
		expect(Number(started)).toBeLessThan(quickLimits.processLimit);
		expect(orphanedSandboxProcesses()).toEqual([]);
	});

	it('javascript, child_process: starting programs stops at the process limit', async () => {
		const source = `const { spawn } = require('child_process');
let started = 0;
let refused = 0;
for (let i = 0; i < 200; i++) spawn('sleep', ['30']).on('spawn', () => started++).on('error', () => refused++);
setTimeout(() => { console.log(started, refused); process.exit(0); }, 300);
`;
		const outcome = await runOnce(sandbox(), 'javascript', source, { limits: { ...quickLimits, timeLimitMs: 2000 } });
		const [started, refused] = outcome.stdout.trim().split(' ').map(Number);
		expect(started).toBeLessThan(quickLimits.processLimit);
		expect(refused).toBeGreaterThan(100);
		expect(orphanedSandboxProcesses()).toEqual([]);
	});

	it('the classic fork bomb ends in a verdict, and the next program runs normally', async () => {
		const report = await judgeProgram(sandbox(), 'python', 'import os\nwhile True:\n    os.fork()\n', [['', '']], { limits: quickLimits });
		expect(['RE', 'TLE']).toContain(report.verdict);
		expect(orphanedSandboxProcesses()).toEqual([]);
		expect((await judgeProgram(sandbox(), 'python', sumPrograms.python, [['1 2\n', '3\n']])).verdict).toBe('AC');
	});
});

describe('a stream of hostile submissions', () => {
	const hostile: Array<['python' | 'javascript', string]> = [
		['python', 'while True:\n    pass\n'],
		['python', 'import time\ntime.sleep(3600)\n'],
		['python', 'a = []\nwhile True:\n    a.append(" " * 10**7)\n'],
		['python', 'while True:\n    print("x" * 1000)\n'],
		['python', 'import os\nwhile True:\n    os.fork()\n'],
		['python', 'print(open("/etc/shadow").read())\n'],
		['python', 'import socket\nsocket.create_connection(("127.0.0.1", 5432))\n'],
		['javascript', 'while (true) {}\n'],
		['javascript', 'const a = [];\nwhile (true) a.push(new Array(1e6).fill(1.5));\n'],
		['javascript', "const { execSync } = require('child_process');\nfor (;;) { try { execSync('sleep 10 &'); } catch {} }\n"]
	];

	it('50 in a row leave the judge healthy: the next honest submission is AC', { timeout: 90_000 }, async () => {
		const queue = Array.from({ length: 50 }, (_, index) => hostile[index % hostile.length]!);
		const verdicts: Array<string | null> = [];
		await Promise.all(
			[0, 1].map(async () => {
				for (let next = queue.shift(); next; next = queue.shift()) {
					const [language, source] = next;
					verdicts.push((await judgeProgram(sandbox(), language, source, [['', 'ok\n']], { limits: quickLimits })).verdict);
				}
			})
		);
		expect(verdicts).toHaveLength(50);
		expect(verdicts).not.toContain('AC');
		expect(verdicts).not.toContain('IE');
		expect(orphanedSandboxProcesses()).toEqual([]);
		for (const language of ['python', 'javascript'] as const) {
			expect((await judgeProgram(sandbox(), language, sumPrograms[language], [['1 2\n', '3\n']])).verdict).toBe('AC');
		}
	});
});
