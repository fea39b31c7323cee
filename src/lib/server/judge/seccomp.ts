// The seccomp filter every sandboxed program runs under: the system calls a student's program never needs, denied.
// The rules are data here; libseccomp compiles them to BPF at start (through Debian's python3-seccomp, the library's
// maintained binding), so no BPF is written by hand, and bubblewrap installs the result just before the program starts.
import { execFile } from 'node:child_process';

type Errno = 'EPERM' | 'ENOSYS' | 'EAFNOSUPPORT';

/** One argument test of a rule; all tests of a rule must hold. `masked`: (argument & mask) == value. */
type ArgumentTest = { argument: number; operator: 'equals' | 'atLeast'; value: number } | { argument: number; operator: 'masked'; mask: number; value: number };

export interface DeniedCall {
	syscall: string;
	/** The error the call fails with: the program gets an exception it can report, never a kill. */
	errno: Errno;
	when?: ArgumentTest[];
}

const deny = (errno: Errno, ...syscalls: string[]): DeniedCall[] => syscalls.map((syscall) => ({ syscall, errno }));

const cloneNamespaceFlags = {
	CLONE_NEWNS: 0x00020000,
	CLONE_NEWCGROUP: 0x02000000,
	CLONE_NEWUTS: 0x04000000,
	CLONE_NEWIPC: 0x08000000,
	CLONE_NEWUSER: 0x10000000,
	CLONE_NEWPID: 0x20000000,
	CLONE_NEWNET: 0x40000000
};
const addressFamilies = { AF_UNIX: 1, AF_INET: 2, AF_INET6: 10 };
const socketTypeMask = 0xf;
const socketTypes = { SOCK_RAW: 3, SOCK_PACKET: 10 };
const mapShared = 0x01;
const mapAnonymous = 0x20;

/** Every address family but local and IP sockets: netlink, packet, Bluetooth, vsock, … (families run from 0 to ~46). */
const otherAddressFamilies: ArgumentTest[][] = [
	[{ argument: 0, operator: 'equals', value: 0 }],
	...[3, 4, 5, 6, 7, 8, 9].map((family) => [{ argument: 0, operator: 'equals', value: family } as const]),
	[{ argument: 0, operator: 'atLeast', value: addressFamilies.AF_INET6 + 1 }]
];

export const deniedCalls: DeniedCall[] = [
	// New namespaces: a nested user namespace makes the program root inside it, the start of most container escapes.
	...deny('EPERM', 'unshare', 'setns'),
	...Object.values(cloneNamespaceFlags).map((flag): DeniedCall => ({
		syscall: 'clone',
		errno: 'EPERM',
		when: [{ argument: 0, operator: 'masked', mask: flag, value: flag }]
	})),
	// clone3 passes its flags in memory that a filter cannot read; ENOSYS makes the C library fall back to clone.
	...deny('ENOSYS', 'clone3'),
	// Mounting and changing the root.
	...deny('EPERM', 'mount', 'umount2', 'pivot_root', 'chroot', 'fsopen', 'fsconfig', 'fsmount', 'fspick', 'move_mount', 'open_tree', 'mount_setattr'),
	// Other processes' memory.
	...deny('EPERM', 'ptrace', 'process_vm_readv', 'process_vm_writev', 'pidfd_getfd', 'kcmp'),
	// Kernel interfaces with a long record of privilege escalations and no use in an exercise.
	...deny('EPERM', 'keyctl', 'add_key', 'request_key', 'bpf', 'perf_event_open', 'userfaultfd'),
	// Node's libuv falls back to its thread pool when io_uring is missing.
	...deny('ENOSYS', 'io_uring_setup', 'io_uring_enter', 'io_uring_register'),
	// The machine itself: kernel modules, rebooting, swap, clocks, the kernel log, raw I/O ports, file handles.
	...deny(
		'EPERM',
		'init_module',
		'finit_module',
		'delete_module',
		'kexec_load',
		'kexec_file_load',
		'reboot',
		'swapon',
		'swapoff',
		'acct',
		'syslog',
		'quotactl',
		'settimeofday',
		'clock_settime',
		'clock_adjtime',
		'iopl',
		'ioperm',
		'open_by_handle_at',
		'name_to_handle_at',
		'lookup_dcookie'
	),
	// Sockets: local and IP only (the network namespace has nothing but loopback), no raw or packet sockets.
	...['socket', 'socketpair'].flatMap((syscall) => otherAddressFamilies.map((when): DeniedCall => ({ syscall, errno: 'EAFNOSUPPORT', when }))),
	...Object.values(socketTypes).map((type): DeniedCall => ({
		syscall: 'socket',
		errno: 'EPERM',
		when: [{ argument: 1, operator: 'masked', mask: socketTypeMask, value: type }]
	})),
	// Memory that RLIMIT_DATA does not count (shared anonymous mappings, memfd, System V segments): without these,
	// a program could start a helper that allocates gigabytes past its memory limit.
	{ syscall: 'mmap', errno: 'EPERM', when: [{ argument: 3, operator: 'masked', mask: mapShared | mapAnonymous, value: mapShared | mapAnonymous }] },
	...deny('EPERM', 'memfd_create', 'memfd_secret', 'shmget')
];

// Reads the rules as JSON on stdin, writes the BPF program on stdout. Any rule libseccomp cannot compile
// (an unknown system call) is an error: a filter missing a rule must not pass for the whole one.
const compiler = `
import errno, json, sys
import seccomp
operators = {"equals": seccomp.EQ, "atLeast": seccomp.GE, "masked": seccomp.MASKED_EQ}
rules = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
# 32-bit and x32 system calls bypass rules written for the native ones: they end the program.
rules.set_attr(seccomp.Attr.ACT_BADARCH, seccomp.KILL_PROCESS)
for call in json.load(sys.stdin):
    tests = [seccomp.Arg(test["argument"], operators[test["operator"]], *((test["mask"], test["value"]) if test["operator"] == "masked" else (test["value"],))) for test in call.get("when", [])]
    rules.add_rule(seccomp.ERRNO(getattr(errno, call["errno"])), call["syscall"], *tests)
rules.export_bpf(sys.stdout)
`;

export class SeccompUnavailableError extends Error {
	override name = 'SeccompUnavailableError';
}

/** The filter as the BPF program bubblewrap's --seccomp reads, compiled by libseccomp with `python` (Debian's python3). */
export function compileSeccompFilter(python: string, calls: DeniedCall[] = deniedCalls): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const child = execFile(python, ['-I', '-c', compiler], { encoding: 'buffer', env: {}, timeout: 30_000 }, (error, stdout, stderr) => {
			if (error) {
				const reason = stderr.toString().trim().split('\n').at(-1) || error.message;
				const hint = /No module named 'seccomp'/.test(reason) ? ' (install python3-seccomp)' : '';
				reject(new SeccompUnavailableError(`cannot compile the seccomp filter with ${python}: ${reason}${hint}`));
			} else if (stdout.length === 0 || stdout.length % 8 !== 0) {
				reject(new SeccompUnavailableError(`libseccomp produced no valid BPF program (${stdout.length} bytes)`));
			} else {
				resolve(stdout);
			}
		});
		// A compiler that fails before reading its rules closes the pipe: its exit status tells what happened.
		child.stdin?.on('error', () => {});
		child.stdin?.end(JSON.stringify(calls));
	});
}
