// Every beginner error the judge explains, produced by the real interpreters in the sandbox.
import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../judge/explanations';
import type { Language } from './languages';
import { judgeProgram, useSandbox } from './testing';

const sandbox = useSandbox();

/** The explanation of a program that fails on its only case (input `stdin`), and the verdict. */
async function explain(language: Language, source: string, stdin = '') {
	const report = await judgeProgram(sandbox(), language, source, [[stdin, 'expected\n']]);
	return {
		verdict: report.verdict,
		explanation: report.compileError?.explanation ?? report.cases[0]?.explanation,
		stderr: report.compileError?.stderr ?? report.cases[0]?.stderr ?? ''
	};
}

const python: Array<[string, string, string, Explanation]> = [
	['SyntaxError', 'x = 1\nprint(x\n', '', { code: 'python_syntax_error', line: 2 }],
	['IndentationError', 'for i in range(3):\nprint(i)\n', '', { code: 'python_indentation_error', line: 2 }],
	['TabError', 'if True:\n\tx = 1\n        y = 2\n', '', { code: 'python_indentation_error', line: 3 }],
	['NameError', 'x = 1\npritn(x)\n', '', { code: 'python_name_error', line: 2, name: 'pritn' }],
	['TypeError', 'n = input()\nprint(n + 1)\n', '5\n', { code: 'python_type_error', line: 2 }],
	['ValueError from int(input())', 'n = int(input())\n', 'abc\n', { code: 'python_number_conversion_error', line: 1, value: 'abc' }],
	['ValueError from map(int, ...)', 'a, b = map(int, input().split())\n', '1.5 2\n', { code: 'python_number_conversion_error', line: 1, value: '1.5' }],
	['other ValueError', 'a, b = input().split()\n', '1 2 3\n', { code: 'python_value_error', line: 1 }],
	['ZeroDivisionError', 'a = 0\nprint(10 / a)\n', '', { code: 'python_zero_division_error', line: 2 }],
	['IndexError', 'a = [1, 2]\nprint(a[2])\n', '', { code: 'python_index_error', line: 2 }],
	['KeyError', 'd = {}\nprint(d["apple"])\n', '', { code: 'python_key_error', line: 2, key: "'apple'" }],
	['RecursionError', 'def f(n):\n    return f(n + 1)\nf(0)\n', '', { code: 'python_recursion_error', line: 2 }],
	['EOFError', 'a = input()\nb = input()\n', 'only one line\n', { code: 'python_eof_error', line: 2 }],
	['another error', 'x = None\nx.append(1)\n', '', { code: 'python_runtime_error', line: 2, errorName: 'AttributeError' }]
];

const javascript: Array<[string, string, string, Explanation]> = [
	['SyntaxError', 'const x = 1;\nconsole.log(x;\n', '', { code: 'javascript_syntax_error', line: 2 }],
	['ReferenceError', 'const x = 1;\nconsol.log(x);\n', '', { code: 'javascript_reference_error', line: 2, name: 'consol' }],
	['TypeError', 'const a = undefined;\nconsole.log(a.length);\n', '', { code: 'javascript_type_error', line: 2 }],
	['RangeError', 'const n = -1;\nconst a = new Array(n);\n', '', { code: 'javascript_range_error', line: 2 }],
	['stack overflow', 'function f(n) {\n  return f(n + 1);\n}\nf(0);\n', '', { code: 'javascript_stack_overflow', line: 2 }],
	['error in a callback', 'setTimeout(() => {\n  null.x;\n}, 1);\n', '', { code: 'javascript_type_error', line: 2 }],
	['another error', 'throw new URIError("bad");\n', '', { code: 'javascript_runtime_error', line: 1, errorName: 'URIError' }]
];

describe.each([
	['python', python],
	['javascript', javascript]
] as const)('%s errors', (language, examples) => {
	it.each(examples)('%s', async (_, source, stdin, expected) => {
		const { verdict, explanation } = await explain(language, source, stdin);
		expect(verdict).toBe(expected.code.endsWith('syntax_error') || expected.code.endsWith('indentation_error') ? 'CE' : 'RE');
		expect(explanation).toEqual(expected);
	});
});

describe('stderr shown to the student', () => {
	it('python: the last frame in main.py and the error, with the sandbox path rewritten', async () => {
		const { stderr } = await explain('python', 'def f(n):\n    return f(n + 1)\nf(0)\n');
		expect(stderr).toBe(
			'Traceback (most recent call last):\n  File "main.py", line 2, in f\n    return f(n + 1)\n           ^^^^^^^^\nRecursionError: maximum recursion depth exceeded\n'
		);
	});

	it('python: keeps what the program itself wrote to stderr before failing', async () => {
		const { stderr } = await explain('python', 'import sys\nprint("debug", file=sys.stderr)\nprint(1 / 0)\n');
		expect(stderr).toMatch(/^debug\nTraceback \(most recent call last\):\n {2}File "main\.py", line 3, in <module>\n/);
	});

	it('javascript: the location, the error and the first frame in main.js, without Node internals', async () => {
		const { stderr } = await explain('javascript', 'const a = undefined;\nconsole.log(a.length);\n');
		expect(stderr).toBe(
			"main.js:2\nconsole.log(a.length);\n              ^\n\nTypeError: Cannot read properties of undefined (reading 'length')\n    at Object.<anonymous> (main.js:2:15)\n"
		);
		expect(stderr).not.toMatch(/sandbox|node:internal|Node\.js v/);
	});

	it('explains an exit with a non-zero code that is not an error', async () => {
		const report = await judgeProgram(sandbox(), 'python', 'import sys\nsys.exit(3)\n', [['', '']]);
		expect(report.cases[0]?.explanation).toEqual({ code: 'runtime_error_exit_code', exitCode: 3 });
	});
});
