// Reads a failed program's stderr the way a mentor would: which error, on which line of main.*,
// and cuts it down to the part a beginner needs (their line, the error), without interpreter internals.
import type { Explanation } from './explanations';
import type { Language } from './languages';

/** The explanation of an error printed by the interpreter, or undefined when stderr holds no recognisable error. */
export function explainError(language: Language, stderr: string): Explanation | undefined {
	if (language === 'dncl') return explainDnclError(stderr);
	return language === 'python' ? explainPythonError(stderr) : explainJavaScriptError(stderr);
}

/** Whether the program died for lack of memory rather than of a bug. */
export function ranOutOfMemory(language: Language, stderr: string): boolean {
	if (language === 'python') return /^MemoryError\b/m.test(stderr);
	// DNCL runs as JavaScript: the same messages from the same node.
	// Node 24 reports a Buffer it cannot allocate as ERR_MEMORY_ALLOCATION_FAILED, Node 20 as "Array buffer allocation failed".
	return /JavaScript heap out of memory|Array buffer allocation failed|ERR_MEMORY_ALLOCATION_FAILED|Fatal process out of memory|std::bad_alloc/.test(stderr);
}

/** stderr reduced to what helps: the program's own messages, its last frame in main.*, and the error line. */
export function condenseStderr(language: Language, stderr: string): string {
	return language === 'python' ? condensePythonTraceback(stderr) : condenseNodeStack(stderr);
}

// --- DNCL ---------------------------------------------------------------------------------------

/** The translated program's own report (src/lib/dncl/runtime.ts), or the translator's: `main.dncl:N` then the error. */
function explainDnclError(stderr: string): Explanation | undefined {
	const match = /^main\.dncl:(\d+)\nDNCL(Syntax)?Error: /m.exec(stderr);
	if (!match) return explainJavaScriptError(stderr);
	const line = Number(match[1]);
	return match[2] ? { code: 'dncl_syntax_error', line } : { code: 'dncl_runtime_error', line };
}

const shortParameter = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

// --- Python -------------------------------------------------------------------------------------

const pythonFrame = /^ {2}File "main\.py", line (\d+)/;

function explainPythonError(stderr: string): Explanation | undefined {
	const lines = stderr.trimEnd().split('\n');
	const errorLine = /^(?:\w+\.)*(\w+)(?:: ?(.*))?$/.exec(lines[lines.length - 1] ?? '');
	const lineNumber = lastMatch(lines, pythonFrame);
	if (!errorLine || lineNumber === undefined) return undefined;
	const [, errorName = '', message = ''] = errorLine;
	const line = Number(lineNumber);
	switch (errorName) {
		case 'SyntaxError':
			return { code: 'python_syntax_error', line };
		case 'IndentationError':
		case 'TabError':
			return { code: 'python_indentation_error', line };
		case 'NameError':
		case 'UnboundLocalError': {
			const name = /name '(.+?)' is not defined|local variable '(.+?)'/.exec(message);
			const found = name?.[1] ?? name?.[2];
			return found ? { code: 'python_name_error', line, name: shortParameter(found) } : { code: 'python_runtime_error', line, errorName };
		}
		case 'TypeError':
			return { code: 'python_type_error', line };
		case 'ValueError': {
			const value = /^invalid literal for int\(\) with base \d+: '(.*)'$|^could not convert string to float: '(.*)'$/.exec(message);
			if (!value) return { code: 'python_value_error', line };
			return { code: 'python_number_conversion_error', line, value: shortParameter(value[1] ?? value[2] ?? '') };
		}
		case 'ZeroDivisionError':
			return { code: 'python_zero_division_error', line };
		case 'IndexError':
			return { code: 'python_index_error', line };
		case 'KeyError':
			return { code: 'python_key_error', line, key: shortParameter(message) };
		case 'RecursionError':
			return { code: 'python_recursion_error', line };
		case 'EOFError':
			return { code: 'python_eof_error', line };
		default:
			return { code: 'python_runtime_error', line, errorName: shortParameter(errorName) };
	}
}

const tracebackHeader = 'Traceback (most recent call last):';

function condensePythonTraceback(stderr: string): string {
	const lines = stderr.trimEnd().split('\n');
	const header = lines.lastIndexOf(tracebackHeader);
	if (header === -1) return stderr;
	const frames = lines.slice(header + 1);
	const errorStart = frames.findIndex((line) => !line.startsWith(' '));
	const lastFrame = frames.slice(0, errorStart === -1 ? frames.length : errorStart).findLastIndex((line) => pythonFrame.test(line));
	const frame: string[] = [];
	if (lastFrame !== -1) {
		frame.push(frames[lastFrame] ?? '');
		// The frame's source line and the ^^^ marker under it are indented deeper than "  File".
		for (const line of frames.slice(lastFrame + 1)) {
			if (!line.startsWith('    ')) break;
			frame.push(line);
		}
	}
	const error = errorStart === -1 ? [] : frames.slice(errorStart);
	return [...lines.slice(0, header), tracebackHeader, ...frame, ...error].join('\n') + '\n';
}

// --- JavaScript ---------------------------------------------------------------------------------

const nodeErrorLine = /^(\w*Error)(?: \[\w+\])?: ?(.*)$/;
const mainFrame = /main\.js:(\d+):\d+\)?$/;

function explainJavaScriptError(stderr: string): Explanation | undefined {
	const lines = stderr.split('\n');
	const errorIndex = lines.findIndex((line) => nodeErrorLine.test(line));
	if (errorIndex === -1) return undefined;
	const [, errorName = '', message = ''] = nodeErrorLine.exec(lines[errorIndex] ?? '') ?? [];
	const stack = lines.slice(errorIndex + 1).filter((line) => line.startsWith('    at '));
	// The first main.js frame of the stack; a syntax error has none, only the "main.js:N" location header.
	const lineNumber = firstMatch(stack, mainFrame) ?? firstMatch(lines.slice(0, errorIndex), /^main\.js:(\d+)$/);
	if (lineNumber === undefined) return undefined;
	const line = Number(lineNumber);
	switch (errorName) {
		case 'SyntaxError':
			return { code: 'javascript_syntax_error', line };
		case 'ReferenceError': {
			const name = /^(.+?) is not defined$|^Cannot access '(.+?)' before initialization$/.exec(message);
			const found = name?.[1] ?? name?.[2];
			return found ? { code: 'javascript_reference_error', line, name: shortParameter(found) } : { code: 'javascript_runtime_error', line, errorName };
		}
		case 'TypeError':
			return { code: 'javascript_type_error', line };
		case 'RangeError':
			return message.startsWith('Maximum call stack size exceeded') ? { code: 'javascript_stack_overflow', line } : { code: 'javascript_range_error', line };
		default:
			return { code: 'javascript_runtime_error', line, errorName: shortParameter(errorName) };
	}
}

function condenseNodeStack(stderr: string): string {
	// V8 dying (out of memory) prints its garbage-collector log and native frames: only its verdict line helps.
	const fatal = /^FATAL ERROR: .*$/m.exec(stderr);
	if (fatal) return `${fatal[0]}\n`;
	const kept: string[] = [];
	let keptFrame = false;
	for (const line of stderr.split('\n')) {
		if (/^Node\.js v\d+/.test(line) || line.startsWith('(Use `node --trace-uncaught')) continue;
		if (line.startsWith('    at ')) {
			// One frame is enough: the first one in main.js, where the student's code failed.
			if (!keptFrame && mainFrame.test(line)) kept.push(line);
			keptFrame ||= mainFrame.test(line);
			continue;
		}
		kept.push(line);
	}
	const text = kept.join('\n').replace(/^\n+/, '').trimEnd();
	return text === '' ? '' : `${text}\n`;
}

// --- helpers ------------------------------------------------------------------------------------

function lastMatch(lines: string[], pattern: RegExp): string | undefined {
	for (let index = lines.length - 1; index >= 0; index--) {
		const match = pattern.exec(lines[index] ?? '');
		if (match) return match[1];
	}
	return undefined;
}

function firstMatch(lines: string[], pattern: RegExp): string | undefined {
	for (const line of lines) {
		const match = pattern.exec(line);
		if (match) return match[1];
	}
	return undefined;
}
