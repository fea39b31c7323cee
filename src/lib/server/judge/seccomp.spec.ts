// The seccomp filter from the inside: what it denies fails with an error, what programs need still works, and a
// judge that cannot filter system calls does not start in production.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, probeSandbox, SandboxUnavailableError } from './sandbox';
import { compileSeccompFilter, SeccompUnavailableError } from './seccomp';
import { judgeProgram, quickLimits, runOnce, sumPrograms, useSandbox } from './testing';

const sandbox = useSandbox();

/** Calls each system call by number through libc's syscall(), printing "name errno-name" (or "name OK"). */
const deniedCallsProgram = `
import ctypes, errno
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
calls = [
    ("unshare CLONE_NEWUSER", 272, 0x10000000),
    ("unshare CLONE_NEWNS", 272, 0x00020000),
    ("unshare CLONE_NEWNET", 272, 0x40000000),
    ("setns", 308, 0, 0),
    ("clone CLONE_NEWUSER", 56, 0x10000000 | 17, 0, 0, 0, 0),
    ("clone CLONE_NEWPID", 56, 0x20000000 | 17, 0, 0, 0, 0),
    ("clone3", 435, 0, 0),
    ("mount", 165, b"none", b"/sandbox", b"tmpfs", 0, 0),
    ("umount2", 166, b"/usr", 0),
    ("pivot_root", 155, b"/sandbox", b"/sandbox"),
    ("chroot", 161, b"/sandbox"),
    ("ptrace PTRACE_TRACEME", 101, 0, 0, 0, 0),
    ("process_vm_readv", 310, 1, 0, 0, 0, 0, 0),
    ("keyctl", 250, 0, 0, 0, 0, 0),
    ("add_key", 248, b"user", b"x", 0, 0, 0),
    ("request_key", 249, b"user", b"x", 0, 0),
    ("bpf", 321, 0, 0, 0),
    ("perf_event_open", 298, 0, 0, -1, -1, 0),
    ("userfaultfd", 323, 0),
    ("io_uring_setup", 425, 1, 0),
    ("init_module", 175, 0, 0, b""),
    ("finit_module", 313, 0, b"", 0),
    ("delete_module", 176, b"x", 0),
    ("kexec_load", 246, 0, 0, 0, 0),
    ("reboot", 169, 0, 0, 0, 0),
    ("swapon", 167, b"/sandbox/x", 0),
    ("syslog", 103, 3, 0, 0),
    ("iopl", 172, 3),
    ("open_by_handle_at", 304, 0, 0, 0),
    ("memfd_create", 319, b"x", 0),
    ("shmget", 29, 0, 1 << 30, 0o1600),
    ("socket AF_NETLINK", 41, 16, 2, 0),
    ("socket AF_PACKET", 41, 17, 3, 0),
    ("socket AF_INET SOCK_RAW", 41, 2, 3, 1),
    ("socket AF_INET6 SOCK_RAW", 41, 10, 3 | 0o4000, 58),
    ("socket AF_VSOCK", 41, 40, 1, 0),
    ("socketpair AF_NETLINK", 53, 16, 2, 0, 0),
    ("mmap MAP_SHARED|MAP_ANONYMOUS 1 GB", 9, 0, 1 << 30, 3, 0x21, -1, 0),
]
for name, number, *args in calls:
    result = libc.syscall(number, *args)
    print(name, "OK" if result >= 0 else errno.errorcode[ctypes.get_errno()])
`;

const expectedDenials: Record<string, string> = {
	'unshare CLONE_NEWUSER': 'EPERM',
	'unshare CLONE_NEWNS': 'EPERM',
	'unshare CLONE_NEWNET': 'EPERM',
	setns: 'EPERM',
	'clone CLONE_NEWUSER': 'EPERM',
	'clone CLONE_NEWPID': 'EPERM',
	clone3: 'ENOSYS',
	mount: 'EPERM',
	umount2: 'EPERM',
	pivot_root: 'EPERM',
	chroot: 'EPERM',
	'ptrace PTRACE_TRACEME': 'EPERM',
	process_vm_readv: 'EPERM',
	keyctl: 'EPERM',
	add_key: 'EPERM',
	request_key: 'EPERM',
	bpf: 'EPERM',
	perf_event_open: 'EPERM',
	userfaultfd: 'EPERM',
	io_uring_setup: 'ENOSYS',
	init_module: 'EPERM',
	finit_module: 'EPERM',
	delete_module: 'EPERM',
	kexec_load: 'EPERM',
	reboot: 'EPERM',
	swapon: 'EPERM',
	syslog: 'EPERM',
	iopl: 'EPERM',
	open_by_handle_at: 'EPERM',
	memfd_create: 'EPERM',
	shmget: 'EPERM',
	'socket AF_NETLINK': 'EAFNOSUPPORT',
	// Both rules match a raw packet socket; either error denies it.
	'socket AF_PACKET': expect.stringMatching(/^(EAFNOSUPPORT|EPERM)$/) as unknown as string,
	'socket AF_INET SOCK_RAW': 'EPERM',
	'socket AF_INET6 SOCK_RAW': 'EPERM',
	'socket AF_VSOCK': 'EAFNOSUPPORT',
	'socketpair AF_NETLINK': 'EAFNOSUPPORT',
	'mmap MAP_SHARED|MAP_ANONYMOUS 1 GB': 'EPERM'
};

function parseCalls(stdout: string): Record<string, string> {
	return Object.fromEntries(
		stdout
			.trim()
			.split('\n')
			.map((line) => {
				const separator = line.lastIndexOf(' ');
				return [line.slice(0, separator), line.slice(separator + 1)];
			})
	);
}

describe('inside the sandbox', () => {
	it('every denied system call fails with its error, never reaching the kernel', async () => {
		const outcome = await runOnce(sandbox(), 'python', deniedCallsProgram);
		expect(outcome.stderr).toBe('');
		expect(parseCalls(outcome.stdout)).toEqual(expectedDenials);
	});

	it('the same calls from a program started by a JavaScript program are denied too', async () => {
		const source = `const { spawnSync } = require('child_process');
const result = spawnSync('/usr/bin/python3', ['-c', ${JSON.stringify(deniedCallsProgram)}], { encoding: 'utf8' });
process.stdout.write(result.stdout + result.stderr);
`;
		const outcome = await runOnce(sandbox(), 'javascript', source, { limits: { ...quickLimits, timeLimitMs: 2000 } });
		expect(parseCalls(outcome.stdout)).toEqual(expectedDenials);
	});

	it('a nested user namespace cannot be made even with the unshare tool', async () => {
		const source = `const { spawnSync } = require('child_process');
const result = spawnSync('unshare', ['-Urn', 'id', '-u'], { encoding: 'utf8' });
console.log(result.status, result.stdout.trim() || result.stderr.trim());
`;
		const outcome = await runOnce(sandbox(), 'javascript', source, { limits: { ...quickLimits, timeLimitMs: 2000 } });
		expect(outcome.stdout).toMatch(/^1 unshare: unshare failed: Operation not permitted\n$/);
	});

	it('32-bit and x32 system calls, which rules for the native ones would miss, end the program', async () => {
		const x32 = 'import ctypes\nprint("before", flush=True)\nctypes.CDLL(None).syscall(0x40000000 | 272, 0x10000000)\nprint("after")\n';
		const outcome = await runOnce(sandbox(), 'python', x32);
		expect(outcome).toMatchObject({ stdout: 'before\n', signal: 'SIGSYS' });
		const report = await judgeProgram(sandbox(), 'python', x32, [['', 'before\nafter\n']]);
		expect(report.verdict).toBe('RE');
	});

	it('the filter is in force in every run: seccomp mode 2 for both languages', async () => {
		const python = await runOnce(sandbox(), 'python', 'print([l for l in open("/proc/self/status") if l.startswith("Seccomp:")][0].split()[1])\n');
		const javascript = await runOnce(
			sandbox(),
			'javascript',
			"console.log(/^Seccomp:\\s+(\\d)/m.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]);\n"
		);
		expect([python.stdout, javascript.stdout]).toEqual(['2\n', '2\n']);
	});
});

describe('what programs need still works', () => {
	it('python: threads, fork, subprocess, pipes, private memory, local and IP sockets', async () => {
		const source = `
import mmap, os, socket, subprocess, threading
results = []
thread = threading.Thread(target=lambda: results.append("thread"))
thread.start(); thread.join()
pid = os.fork()
if pid == 0:
    os._exit(7)
results.append("fork %d" % os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
results.append(subprocess.run(["echo", "subprocess"], capture_output=True, text=True).stdout.strip())
read_end, write_end = os.pipe(); os.write(write_end, b"pipe"); results.append(os.read(read_end, 4).decode())
results.append("private mmap %d" % len(mmap.mmap(-1, 1 << 20, flags=mmap.MAP_PRIVATE)))
left, right = socket.socketpair(); left.send(b"unix"); results.append(right.recv(4).decode())
server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen()
client = socket.create_connection(server.getsockname()); connection, _ = server.accept()
client.send(b"tcp"); results.append(connection.recv(3).decode())
print(", ".join(results))
`;
		const report = await judgeProgram(sandbox(), 'python', source, [['', 'thread, fork 7, subprocess, pipe, private mmap 1048576, unix, tcp\n']], {
			limits: { ...quickLimits, timeLimitMs: 2000 }
		});
		expect(report.cases[0]).toMatchObject({ verdict: 'AC' });
	});

	// Not worker threads: on Node 24 each one reserves another 512 MB code range, over any ordinary memory limit.
	it('javascript: child processes, asynchronous files, timers, a local server', async () => {
		const source = `
const { execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const results = [];
results.push(execFileSync('echo', ['child']).toString().trim());
fs.writeFileSync('scratch.txt', 'file');
const file = fs.promises.readFile('scratch.txt', 'utf8');
const timer = new Promise((resolve) => setTimeout(() => resolve('timer'), 10));
const tcp = new Promise((resolve) => {
	const server = net.createServer((socket) => socket.end('tcp')).listen(0, '127.0.0.1', () => {
		net.connect(server.address().port, '127.0.0.1').on('data', (data) => { server.close(); resolve(String(data)); });
	});
});
Promise.all([file, timer, tcp]).then((values) => console.log([...results, ...values].join(', ')));
`;
		const report = await judgeProgram(sandbox(), 'javascript', source, [['', 'child, file, timer, tcp\n']], {
			limits: { ...quickLimits, timeLimitMs: 3000 }
		});
		expect(report.cases[0]).toMatchObject({ verdict: 'AC' });
	});

	it.each(['python', 'javascript'] as const)('%s: an ordinary program is AC', async (language) => {
		expect((await judgeProgram(sandbox(), language, sumPrograms[language], [['1 2\n', '3\n']])).verdict).toBe('AC');
	});
});

describe('a judge machine missing a piece', () => {
	let directory: string;
	beforeAll(async () => {
		directory = await mkdtemp(join(tmpdir(), 'seccomp-'));
		// Each run's uid starts the stand-in bubblewrap below, so every user must reach it.
		await chmod(directory, 0o755);
	});
	afterAll(async () => {
		await rm(directory, { recursive: true, force: true });
	});

	/** An executable shell script standing in for a tool. */
	async function fakeTool(name: string, script: string): Promise<string> {
		const path = join(directory, name);
		await writeFile(path, `#!/bin/sh\n${script}\n`);
		await chmod(path, 0o755);
		return path;
	}

	it('an unknown system call in the rules is an error, not a filter with a rule missing', async () => {
		await expect(compileSeccompFilter('/usr/bin/python3', [{ syscall: 'no_such_call', errno: 'EPERM' }])).rejects.toThrow(SeccompUnavailableError);
	});

	it('production refuses to start when the filter cannot be compiled; development runs sandboxed without it', async () => {
		const missing = await fakeTool('python-without-seccomp', `echo "ModuleNotFoundError: No module named 'seccomp'" >&2; exit 1`);
		await expect(createSandbox({ production: true, seccompCompiler: missing })).rejects.toThrow(
			/judge cannot start without a working sandbox: .*No module named 'seccomp'.*install python3-seccomp/
		);
		expect(await probeSandbox({ production: true, seccompCompiler: missing })).toMatchObject({ ok: false, isolationProblems: [], systemCallsFiltered: false });

		const development = await createSandbox({ production: false, seccompCompiler: missing });
		expect(development.sandboxed).toBe(true);
		const outcome = await runOnce(development, 'python', 'print([l for l in open("/proc/self/status") if l.startswith("Seccomp:")][0].split()[1])\n');
		expect(outcome.stdout).toBe('0\n');
	});

	it('production refuses to start when bubblewrap cannot apply the filter', async () => {
		// Eight zero bytes: one BPF instruction and no return, which the kernel refuses.
		const broken = await fakeTool('python-broken-filter', "printf '\\000\\000\\000\\000\\000\\000\\000\\000'");
		await expect(createSandbox({ production: true, seccompCompiler: broken })).rejects.toThrow(SandboxUnavailableError);
		const probed = await probeSandbox({ production: true, seccompCompiler: broken });
		expect(probed.ok).toBe(false);
		expect(probed.isolationProblems.join('\n')).toMatch(/seccomp/i);
	});

	it('bubblewrap older than 0.8 (no --disable-userns): production refuses, development relies on the filter alone', async () => {
		const older = await fakeTool(
			'bwrap-0.6',
			`if [ "$1" = --help ]; then /usr/bin/bwrap --help | grep -v -- --disable-userns; exit 0; fi\nexec /usr/bin/bwrap "$@"`
		);
		await expect(createSandbox({ production: true, bubblewrap: older })).rejects.toThrow(/bubblewrap has no --disable-userns/);
		expect(await probeSandbox({ production: true, bubblewrap: older })).toMatchObject({
			ok: false,
			isolationProblems: [],
			systemCallsFiltered: true,
			userNamespacesDisabled: false
		});
		const development = await createSandbox({ production: false, bubblewrap: older });
		expect(development.sandboxed).toBe(true);
		const outcome = await runOnce(
			development,
			'python',
			'import ctypes, errno\nlibc = ctypes.CDLL(None, use_errno=True)\nprint(libc.unshare(0x10000000), errno.errorcode[ctypes.get_errno()])\n'
		);
		expect(outcome.stdout).toBe('-1 EPERM\n');
	});
});
