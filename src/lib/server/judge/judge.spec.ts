// Verdicts as students meet them, from real runs in the sandbox.
import { describe, expect, it } from 'vitest';
import { storedOutputCharacters } from '../../judge/classify';
import { judgeSource } from './judge';
import { judgeProgram, quickLimits, sumPrograms, useSandbox } from './testing';

const sandbox = useSandbox();
const sumCases: Array<[string, string]> = [
	['1 2\n', '3\n'],
	['10 20\n', '30\n']
];

async function expectStillWorks() {
	const report = await judgeProgram(sandbox(), 'python', sumPrograms.python, sumCases);
	expect(report.verdict).toBe('AC');
}

describe('correct and wrong answers', () => {
	it.each(['python', 'javascript'] as const)('%s: AC on every case, with output and time', async (language) => {
		const report = await judgeProgram(sandbox(), language, sumPrograms[language], sumCases);
		expect(report).toMatchObject({ verdict: 'AC', sandboxed: true });
		expect(report.cases.map((result) => [result.verdict, result.stdout])).toEqual([
			['AC', '3\n'],
			['AC', '30\n']
		]);
		expect(report.cases[0]?.timeMs).toBeGreaterThan(0);
	});

	it('WA names the first wrong line; printing nothing is told apart', async () => {
		const wrong = await judgeProgram(sandbox(), 'python', 'print(1)\nprint(3)\n', [['', '1\n2\n']]);
		expect(wrong.cases[0]).toMatchObject({ verdict: 'WA', explanation: { code: 'wrong_answer', line: 2 } });
		const silent = await judgeProgram(sandbox(), 'python', 'x = input()\n', [['5\n', '5\n']]);
		expect(silent.cases[0]).toMatchObject({ verdict: 'WA', explanation: { code: 'wrong_answer_no_output' } });
	});

	it('the submission gets the worst case verdict', async () => {
		const report = await judgeProgram(sandbox(), 'python', 'n = int(input())\nprint(10 // n)\n', [
			['2\n', '5\n'],
			['3\n', '4\n'],
			['0\n', '0\n']
		]);
		expect(report.cases.map((result) => result.verdict)).toEqual(['AC', 'WA', 'RE']);
		expect(report.verdict).toBe('RE');
	});

	it('uses the compare mode: float accepts 1e-6, lines forgives trailing spaces and \\r\\n', async () => {
		const third = await judgeProgram(sandbox(), 'python', 'print(1 / 3)\n', [['', '0.333333\n']], { compareMode: 'float' });
		expect(third.verdict).toBe('AC');
		const lines = await judgeProgram(sandbox(), 'javascript', "process.stdout.write('1 2  \\r\\n3\\r\\n\\n');\n", [['', '1 2\n3\n']]);
		expect(lines.verdict).toBe('AC');
		const exact = await judgeProgram(sandbox(), 'python', 'print("3 ")\n', [['', '3\n']], { compareMode: 'exact' });
		expect(exact.verdict).toBe('WA');
	});

	it('custom input: no verdict, only the output', async () => {
		const report = await judgeProgram(sandbox(), 'python', 'print(input()[::-1])\n', [['金沢\n', null]]);
		expect(report.verdict).toBeNull();
		expect(report.cases).toEqual([{ verdict: null, timeMs: expect.any(Number), stdout: '沢金\n', stderr: '' }]);
	});

	it('reports progress after each case', async () => {
		const progress: number[] = [];
		await judgeSource(
			sandbox(),
			{
				language: 'python',
				source: sumPrograms.python,
				cases: sumCases.map(([input, expectedOutput]) => ({ input, expectedOutput })),
				limits: quickLimits,
				compareMode: 'lines'
			},
			{ onCaseJudged: (casesDone) => progress.push(casesDone) }
		);
		expect(progress).toEqual([1, 2]);
	});
});

describe('compile errors', () => {
	it.each([
		['python', 'print("hello"\n'],
		['javascript', 'console.log("hello";\n']
	] as const)('%s: CE before any case, no case results', async (language, source) => {
		const report = await judgeProgram(sandbox(), language, source, sumCases);
		expect(report.verdict).toBe('CE');
		expect(report.cases).toEqual([]);
		expect(report.compileError?.stderr).toMatch(/SyntaxError/);
	});

	it('javascript as an ES module (import, top-level await) is checked the way Node runs it', async () => {
		const moduleWithSyntaxError = await judgeProgram(sandbox(), 'javascript', "import fs from 'fs';\nconsole.log(fs.readFileSync(0, 'utf8')\n", sumCases);
		expect(moduleWithSyntaxError).toMatchObject({ verdict: 'CE', compileError: { explanation: { code: 'javascript_syntax_error', line: 2 } } });
		const moduleWithRuntimeError = await judgeProgram(sandbox(), 'javascript', 'const n = await Promise.resolve(1);\nconsol.log(n);\n', sumCases);
		expect(moduleWithRuntimeError.verdict).toBe('RE');
		expect(moduleWithRuntimeError.cases[0]).toMatchObject({ explanation: { code: 'javascript_reference_error', line: 2, name: 'consol' } });
		expect(moduleWithRuntimeError.cases[0]?.stderr).not.toMatch(/file:|sandbox/);
	});

	it('a runtime error on the first case is not mistaken for a compile error', async () => {
		const report = await judgeProgram(sandbox(), 'python', 'import json\njson.loads("{")\n', sumCases);
		expect(report.verdict).toBe('RE');
		const evalError = await judgeProgram(sandbox(), 'javascript', 'eval("1 +");\n', sumCases);
		expect(evalError.verdict).toBe('RE');
	});
});

describe('time limit', () => {
	it.each([
		['python', 'an infinite loop', 'while True:\n    pass\n'],
		['python', 'sleeping', 'import time\ntime.sleep(3600)\n'],
		['javascript', 'an infinite loop', 'while (true) {}\n'],
		['javascript', 'a promise that never resolves, with a pending timer', 'setTimeout(() => {}, 1e9);\nawait new Promise(() => {});\n']
	] as const)('%s, %s: TLE, and the next program runs normally', async (language, _, source) => {
		const started = performance.now();
		const report = await judgeProgram(sandbox(), language, source, [['', '']], { limits: quickLimits });
		expect(report.cases[0]).toMatchObject({ verdict: 'TLE', explanation: { code: 'time_limit_exceeded', seconds: 0.5 } });
		// Killed by the wall clock rather than left to sleep its hour (the bound is loose: a busy machine is slow).
		expect(performance.now() - started).toBeLessThan(60_000);
		await expectStillWorks();
	});
});

describe('memory limit', () => {
	it.each([
		['python', 'a growing list', 'a = []\nwhile True:\n    a.append(" " * 10**7)\n'],
		['python', 'one huge allocation', 'b = bytearray(4 * 1024**3)\n'],
		['javascript', 'a growing heap', 'const a = [];\nwhile (true) a.push(new Array(1e6).fill(1.5));\n'],
		['javascript', 'Buffers outside the heap', 'const b = [];\nwhile (true) b.push(Buffer.alloc(1e8, 1));\n'],
		['javascript', 'one huge typed array', 'const a = new Float64Array(5e8);\na.fill(1);\n']
	] as const)('%s, %s of gigabytes: MLE, and the next program runs normally', async (language, _, source) => {
		// Time enough to reach the memory limit on a busy machine: the verdict must be MLE, not TLE.
		const report = await judgeProgram(sandbox(), language, source, [['', '']], { limits: { ...quickLimits, timeLimitMs: 10_000 } });
		expect(report.cases[0]).toMatchObject({ verdict: 'MLE', explanation: { code: 'memory_limit_exceeded', megabytes: 256 } });
		await expectStillWorks();
	});
});

describe('output limit', () => {
	it.each([
		['python', 'while True:\n    print("spam" * 100)\n'],
		['javascript', "for (;;) console.log('spam'.repeat(100));\n"],
		['python', 'import sys\nwhile True:\n    sys.stderr.write("x" * 1000)\n']
	] as const)('%s printing forever: OLE, not TLE, with bounded stored output', async (language, source) => {
		// A long time limit, so that only the output limit can stop it, however busy the machine.
		const report = await judgeProgram(sandbox(), language, source, [['', '']], { limits: { ...quickLimits, timeLimitMs: 10_000 } });
		const [result] = report.cases;
		expect(result).toMatchObject({ verdict: 'OLE', explanation: { code: 'output_limit_exceeded', kilobytes: 64 } });
		expect(result!.stdout.length).toBeLessThanOrEqual(storedOutputCharacters);
		expect(result!.stderr.length).toBeLessThanOrEqual(4096);
	});
});

describe('deep recursion', () => {
	it.each([
		['python', 'def f(n):\n    return f(n + 1)\nf(0)\n'],
		['javascript', 'const f = (n) => f(n + 1);\nf(0);\n']
	] as const)('%s: RE', async (language, source) => {
		const report = await judgeProgram(sandbox(), language, source, [['', '']]);
		expect(report.verdict).toBe('RE');
		await expectStillWorks();
	});
});

describe('hostile output', () => {
	it('comes back as harmless text: no escapes, no control characters, invalid UTF-8 replaced', async () => {
		const source = [
			'import sys',
			'sys.stdout.buffer.write("</script><script>alert(1)</script>\\n".encode())',
			'sys.stdout.buffer.write(b"\\x1b[2J\\x1b[31mred\\x1b[0m\\x1b]0;title\\x07\\n")',
			'sys.stdout.buffer.write(b"bad \\xff\\xfe utf8 \\x00 nul\\n")',
			'sys.stderr.buffer.write(b"\\x1b[1m\\xc3(\\n")'
		].join('\n');
		const report = await judgeProgram(sandbox(), 'python', source, [['', null]]);
		expect(report.cases[0]?.stdout).toBe('</script><script>alert(1)</script>\nred\nbad \ufffd\ufffd utf8  nul\n');
		expect(report.cases[0]?.stderr).toBe('\ufffd(\n');
		expect(JSON.stringify(report)).not.toMatch(/\\u001b|\\u0000/);
	});
});

describe('stopping early after a limit', () => {
	// Cases 1–2 answer, from case 3 on the program never stops (input 0 means "loop").
	const loopsOnZero = 'n = int(input())\nwhile n == 0:\n    pass\nprint(n)\n';
	const cases: Array<[string, string]> = [
		['1\n', '1\n'],
		['2\n', '2\n'],
		['0\n', '0\n'],
		['0\n', '0\n'],
		['5\n', '5\n'],
		['0\n', '0\n']
	];

	it('after the first TLE the later cases are not run, whatever the timing; the verdict is TLE', async () => {
		const report = await judgeProgram(sandbox(), 'python', loopsOnZero, cases);
		expect(report.verdict).toBe('TLE');
		expect(report.cases.map((result) => result.verdict)).toEqual(['AC', 'AC', 'TLE', null, null, null]);
		expect(report.cases.slice(3).every((result) => result.notRun)).toBe(true);
		expect(report.cases[3]?.explanation).toEqual({ code: 'case_not_run', case: 3, verdict: 'TLE' });
	});

	it('a program that never stops costs one time limit, not one per case', async () => {
		const report = await judgeProgram(sandbox(), 'javascript', 'for (;;) {}\n', cases, { limits: quickLimits });
		expect(report.cases.map((result) => result.verdict)).toEqual(['TLE', null, null, null, null, null]);
		expect(report.cases.filter((result) => !result.notRun)).toHaveLength(1);
	});

	it('MLE and OLE stop judging too; WA and RE do not', async () => {
		const hog = await judgeProgram(sandbox(), 'python', "x = []\nwhile True:\n    x.append('x' * 10**6)\n", cases.slice(0, 3));
		expect(hog.cases.map((result) => result.verdict)).toEqual(['MLE', null, null]);
		const flood = await judgeProgram(sandbox(), 'python', "while True:\n    print('x' * 1000)\n", cases.slice(0, 3));
		expect(flood.cases.map((result) => result.verdict)).toEqual(['OLE', null, null]);
		const mixed = await judgeProgram(sandbox(), 'python', 'n = int(input())\nprint(10 // (n - 2))\n', cases.slice(0, 3));
		expect(mixed.cases.map((result) => result.verdict)).toEqual(['WA', 'RE', 'WA']);
	});

	it('runs the cases after the first on two lanes and keeps their order', async () => {
		const many = Array.from({ length: 9 }, (_, index): [string, string] => [`${index} ${index}\n`, `${index * 2}\n`]);
		const report = await judgeProgram(sandbox(), 'python', sumPrograms.python, many);
		expect(report.verdict).toBe('AC');
		expect(report.cases.map((result) => result.stdout)).toEqual(many.map(([, expected]) => expected));
	});
});

describe('reading standard input every way students are taught', () => {
	it.each([
		['javascript', "console.log(require('fs').readFileSync('/dev/stdin', 'utf8').trim().split(' ').map(Number).reduce((a, b) => a + b));"],
		['javascript', "console.log(require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number).reduce((a, b) => a + b));"],
		[
			'javascript',
			"let data = '';\nprocess.stdin.on('data', (chunk) => (data += chunk));\nprocess.stdin.on('end', () => console.log(data.trim().split(' ').map(Number).reduce((a, b) => a + b)));"
		],
		[
			'javascript',
			"const rl = require('readline').createInterface({ input: process.stdin });\nrl.on('line', (line) => console.log(line.split(' ').map(Number).reduce((a, b) => a + b)));"
		],
		['python', 'a, b = map(int, input().split())\nprint(a + b)'],
		['python', 'import sys\nprint(sum(map(int, sys.stdin.read().split())))'],
		['python', 'print(sum(map(int, open(0).read().split())))'],
		['python', "print(sum(map(int, open('/dev/stdin').read().split())))"],
		['python', 'import sys\nprint(sum(int(x) for line in sys.stdin for x in line.split()))']
	] as const)('%s: %s', async (language, source) => {
		const report = await judgeProgram(sandbox(), language, source, sumCases);
		expect(report.cases.map((result) => result.stderr)).toEqual(['', '']);
		expect(report.verdict).toBe('AC');
	});
});
