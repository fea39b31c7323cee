// The two languages of the club: how each is started, checked and held to its memory limit.
import type { Language } from '../../judge/languages';
import type { RunLimits } from './limits';

export { languages, type Language } from '../../judge/languages';

export interface Interpreters {
	python: string;
	javascript: string;
}

export const defaultInterpreters: Interpreters = {
	// Debian's interpreter, not a pyenv or venv one found on PATH: the sandbox only mounts /usr.
	python: '/usr/bin/python3',
	javascript: process.execPath
};

/** The memory rlimits of one run, in bytes; unset means not limited this way. */
export interface MemoryLimits {
	addressSpaceBytes?: number;
	dataBytes?: number;
}

export interface LanguageDefinition {
	/** The program's file name inside its work directory, as it appears in error messages. */
	fileName: string;
	runArguments(limits: RunLimits): string[];
	/** Compiles without running; exits non-zero exactly when the source has a syntax error. */
	checkArguments(): string[];
	memoryLimits(limits: RunLimits): MemoryLimits;
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

/** What the Node runtime itself needs before the student's first allocation (measured: 48 MB of VmData). */
const nodeRuntimeOverheadMb = 64;

export const languageDefinitions: Record<Language, LanguageDefinition> = {
	python: {
		fileName: 'main.py',
		// -I: ignore PYTHON* variables, the user site directory and the script's directory on sys.path.
		runArguments: () => ['-I', 'main.py'],
		checkArguments: () => ['-I', '-m', 'py_compile', 'main.py'],
		// CPython only maps what it uses, so the address space is an honest measure: over it, MemoryError.
		memoryLimits: (limits) => ({ addressSpaceBytes: limits.memoryLimitMb * megabyte })
	},
	javascript: {
		fileName: 'main.js',
		runArguments: (limits) => [`--max-old-space-size=${limits.memoryLimitMb}`, 'main.js'],
		checkArguments: () => ['--experimental-vm-modules', '--no-warnings', '--eval', javascriptSyntaxCheck],
		// V8 reserves gigabytes of address space it never touches, so RLIMIT_AS would stop Node from starting.
		// RLIMIT_DATA counts only writable private memory, which also covers Buffers and typed arrays
		// (outside the JavaScript heap that --max-old-space-size bounds).
		memoryLimits: (limits) => ({ dataBytes: (limits.memoryLimitMb + nodeRuntimeOverheadMb) * megabyte })
	}
};
