// The interpreters of the club's languages: how each is started, checked and held to its memory limit (DNCL runs as
// the JavaScript it is translated to).
import type { RuntimeLanguage } from '../../judge/languages';
import type { RunLimits } from './limits';

export { languages, runtimeOf, type Language, type RuntimeLanguage } from '../../judge/languages';

export interface Interpreters {
	python: string;
	javascript: string;
}

export const defaultInterpreters: Interpreters = {
	// Debian's interpreter, not a pyenv or venv one found on PATH: the sandbox only mounts /usr.
	python: '/usr/bin/python3',
	javascript: process.execPath
};

/**
 * Writable private memory (VmData) an interpreter holds before the program's first allocation, measured in the
 * sandbox when the judge starts (sandbox.ts): Node 20 holds ~80 MB, Node 22 ~50 MB, Node 24 ~560 MB, almost all of
 * it V8's code range, reserved read-write-execute but never touched until code is compiled into it.
 */
export interface StartupFootprint {
	dataBytes: number;
}

export type StartupFootprints = Record<RuntimeLanguage, StartupFootprint>;

/** The memory rlimits of one run, in bytes; unset means not limited this way. */
export interface MemoryLimits {
	addressSpaceBytes?: number;
	dataBytes?: number;
}

export interface LanguageDefinition {
	/** The program's file name inside its work directory, as it appears in error messages. */
	fileName: string;
	/** Files the interpreter loads before the program, by name: read-only, outside the work directory. */
	supportFiles: Record<string, string>;
	/** With `supportDirectory`, where the support files are; without it (a bare baseline) nothing is preloaded. */
	runArguments(limits: RunLimits, supportDirectory?: string): string[];
	/** Compiles without running; exits non-zero exactly when the source has a syntax error. */
	checkArguments(): string[];
	memoryLimits(limits: RunLimits, footprint: StartupFootprint): MemoryLimits;
}

const megabyte = 1024 * 1024;

// Not `node --check`: in Node 20 it ignores module detection, so it passes an ES module with a syntax error
// and fails a valid one with top-level await. This compiles main.js the way Node 20 loads it (as CommonJS,
// else as an ES module), without running a line of it.
const javascriptSyntaxCheck = `
const source = require('fs').readFileSync('main.js', 'utf8');
const vm = require('vm');
try {
	vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: 'main.js' });
} catch {
	try {
		new vm.SourceTextModule(source, { identifier: 'main.js' });
	} catch (error) {
		console.error(String(error));
		process.exit(1);
	}
}
`;

/**
 * V8's young generation, pinned to Node 20's size on every version: Node 24's default lets it grow to 128 MB (two
 * 64 MB semi-spaces, against 32 MB), so that a heap near its limit held 110 MB more writable memory (measured: 374 MB
 * over the start-up footprint for 240 MB of live arrays, against 261 MB with 16 MB semi-spaces on both versions).
 */
const semiSpaceMb = 16;
/** Writable memory beside the old space that a program at its heap limit still needs: the semi-spaces and code. */
const nodeHeapHeadroomMb = 2 * semiSpaceMb;

/**
 * Node writes to a pipe without blocking and queues what the pipe cannot take, to be flushed by its event loop: a
 * program printing in an endless loop stops printing at a point that depends on timing (TLE rather than OLE; on
 * Node 24 almost always), and one calling process.exit() loses what was queued. Blocking writes, as Python's, make
 * both exact. Preloaded with --require, so line numbers in errors stay the student's (measured: --import of the same
 * line as a data: URL cost 10 ms more per run, --require nothing measurable).
 */
const blockingOutput = { 'blocking-output.cjs': 'for (const stream of [process.stdout, process.stderr]) stream._handle?.setBlocking?.(true);\n' };

export const languageDefinitions: Record<RuntimeLanguage, LanguageDefinition> = {
	python: {
		fileName: 'main.py',
		supportFiles: {},
		// -I: ignore PYTHON* variables, the user site directory and the script's directory on sys.path.
		runArguments: () => ['-I', 'main.py'],
		checkArguments: () => ['-I', '-m', 'py_compile', 'main.py'],
		// CPython only maps what it uses, so the address space is an honest measure: over it, MemoryError.
		memoryLimits: (limits) => ({ addressSpaceBytes: limits.memoryLimitMb * megabyte })
	},
	javascript: {
		fileName: 'main.js',
		supportFiles: blockingOutput,
		runArguments: (limits, supportDirectory) => [
			`--max-old-space-size=${limits.memoryLimitMb}`,
			`--max-semi-space-size=${semiSpaceMb}`,
			...(supportDirectory ? ['--require', `${supportDirectory}/blocking-output.cjs`] : []),
			'main.js'
		],
		checkArguments: () => ['--experimental-vm-modules', '--no-warnings', '--eval', javascriptSyntaxCheck],
		// V8 reserves gigabytes of address space it never touches, so RLIMIT_AS would stop Node from starting.
		// RLIMIT_DATA counts only writable private memory, which also covers Buffers and typed arrays
		// (outside the JavaScript heap that --max-old-space-size bounds); the seccomp filter refuses the shared
		// memory it does not count. It includes what Node holds at start, which depends on the version: that
		// footprint is measured, and the program gets the limit on top of it.
		memoryLimits: (limits, footprint) => ({
			dataBytes: footprint.dataBytes + (limits.memoryLimitMb + nodeHeapHeadroomMb) * megabyte
		})
	}
};
