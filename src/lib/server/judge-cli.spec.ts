import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJudgeArguments, runJudgeCli, UsageError } from './judge-cli';
import { sumPrograms } from './judge/testing';

const directory = mkdtempSync(join(tmpdir(), 'judge-cli-'));
function file(name: string, content: string): string {
	const path = join(directory, name);
	writeFileSync(path, content);
	return path;
}
const sumCases = file(
	'cases.json',
	JSON.stringify([
		{ input: '1 2\n', output: '3\n' },
		{ input: '5 5\n', output: '10\n' }
	])
);

async function run(argv: string[]) {
	let stdout = '';
	let stderr = '';
	const status = await runJudgeCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, { production: true });
	return { status, stdout, stderr };
}

describe('parseJudgeArguments', () => {
	it('reads the options, with the defaults of an exercise', () => {
		expect(parseJudgeArguments(['--language', 'python', '--source', 'a.py', '--cases', 'c.json'])).toEqual({
			help: false,
			language: 'python',
			source: 'a.py',
			cases: 'c.json',
			'time-limit-ms': 2000,
			'memory-mb': 256,
			compare: 'lines'
		});
		expect(
			parseJudgeArguments([
				'--language',
				'javascript',
				'--source',
				'a.js',
				'--cases',
				'c.json',
				'--time-limit-ms',
				'500',
				'--memory-mb',
				'128',
				'--compare',
				'float'
			])
		).toMatchObject({ 'time-limit-ms': 500, 'memory-mb': 128, compare: 'float' });
		expect(parseJudgeArguments(['--help'])).toEqual({ help: true });
	});

	it('takes an exercise folder in place of --cases, leaving its limits to the folder unless given', () => {
		expect(parseJudgeArguments(['--language', 'python', '--exercise', 'src/content/exercises/bus-fare'])).toEqual({
			help: false,
			language: 'python',
			exercise: 'src/content/exercises/bus-fare'
		});
		expect(parseJudgeArguments(['--language', 'python', '--exercise', 'x', '--source', 'a.py', '--time-limit-ms', '300'])).toMatchObject({
			source: 'a.py',
			'time-limit-ms': 300
		});
	});

	it.each([
		[['--source', 'a.py', '--cases', 'c.json'], /--language/],
		[['--language', 'ruby', '--source', 'a.rb', '--cases', 'c.json'], /python, javascript or dncl/],
		[['--language', 'python', '--cases', 'c.json'], /--source/],
		[['--language', 'python', '--source', 'a.py', '--cases', 'c.json', '--time-limit-ms', 'soon'], /time-limit-ms/],
		[['--language', 'python', '--source', 'a.py', '--cases', 'c.json', '--compare', 'fuzzy'], /exact, lines or float/],
		[['--language', 'python', '--source', 'a.py', '--cases', 'c.json', '--verbose'], /verbose/],
		[['--language', 'python', '--source', 'a.py'], /--cases CASES\.json \(or --exercise FOLDER\) is required/],
		[['--language', 'python', '--cases', 'c.json', '--exercise', 'x'], /either --cases or --exercise, not both/]
	])('rejects %j', (argv, message) => {
		expect(() => parseJudgeArguments(argv)).toThrow(UsageError);
		expect(() => parseJudgeArguments(argv)).toThrow(message);
	});
});

describe('runJudgeCli', () => {
	it('prints one JSON object and exits 0 whatever the verdict', async () => {
		const accepted = await run(['--language', 'python', '--source', file('sum.py', sumPrograms.python), '--cases', sumCases]);
		expect(accepted.status).toBe(0);
		expect(JSON.parse(accepted.stdout)).toEqual({
			verdict: 'AC',
			cases: [
				{ verdict: 'AC', timeMs: expect.any(Number), stdout: '3\n', stderr: '' },
				{ verdict: 'AC', timeMs: expect.any(Number), stdout: '10\n', stderr: '' }
			],
			sandboxed: true
		});
		const wrong = await run(['--language', 'javascript', '--source', file('wrong.js', 'console.log(0);\n'), '--cases', sumCases]);
		expect(wrong.status).toBe(0);
		expect(JSON.parse(wrong.stdout)).toMatchObject({ verdict: 'WA', cases: [{ verdict: 'WA', explanation: { code: 'wrong_answer', line: 1 } }, {}] });
	});

	it('applies the limits given', async () => {
		const slow = await run([
			'--language',
			'python',
			'--source',
			file('slow.py', 'import time\ntime.sleep(1)\n'),
			'--cases',
			sumCases,
			'--time-limit-ms',
			'200'
		]);
		expect(JSON.parse(slow.stdout)).toMatchObject({ verdict: 'TLE', cases: [{ explanation: { seconds: 0.2 } }, {}] });
	});

	it.each([
		['a missing source file', ['--language', 'python', '--source', join(directory, 'missing.py'), '--cases', sumCases], /cannot read .*missing\.py/],
		['cases that are not JSON', ['--language', 'python', '--source', file('ok.py', 'print(1)'), '--cases', file('bad.json', '[{')], /not valid JSON/],
		['cases of the wrong shape', ['--language', 'python', '--source', file('ok.py', 'print(1)'), '--cases', file('shape.json', '[{"in": "1"}]')], /input/],
		['no cases', ['--language', 'python', '--source', file('ok.py', 'print(1)'), '--cases', file('empty.json', '[]')], /at least one case/]
	])('%s: exit 2 and a clear message on stderr, nothing on stdout', async (_, argv, message) => {
		const result = await run(argv);
		expect(result).toMatchObject({ status: 2, stdout: '' });
		expect(result.stderr).toMatch(message);
	});

	describe('--exercise', () => {
		const busFare = 'src/content/exercises/bus-fare';

		it("judges the folder's reference solution on every case when no --source is given, naming the cases", async () => {
			const result = await run(['--language', 'javascript', '--exercise', busFare]);
			expect(result.status).toBe(0);
			const report = JSON.parse(result.stdout);
			expect(report.verdict).toBe('AC');
			expect(report.cases.map((testCase: { name: string }) => testCase.name)).toEqual([
				'sample-1',
				'sample-2',
				...Array.from({ length: 6 }, (_, index) => `hidden-${index + 1}`)
			]);
		});

		it("judges another source against the folder's cases", async () => {
			const result = await run(['--language', 'python', '--exercise', busFare, '--source', `${busFare}/starter.py`]);
			const report = JSON.parse(result.stdout);
			expect(report.verdict).toBe('WA');
			expect(report.cases[0]).toMatchObject({ name: 'sample-1', verdict: 'WA' });
		});

		it("applies the folder's limits, and options given override them", async () => {
			const folder = join(directory, 'bus-fare');
			cpSync(busFare, folder, { recursive: true });
			const markdown = readFileSync(join(folder, 'exercise.md'), 'utf8');
			writeFileSync(join(folder, 'exercise.md'), markdown.replace('difficulty: 3\n', 'difficulty: 3\ntimeLimitMs: 300\n'));
			const slow = file('slow-fare.py', 'import time\ntime.sleep(1)\n');
			const limited = await run(['--language', 'python', '--exercise', folder, '--source', slow]);
			const report = JSON.parse(limited.stdout);
			expect(report.verdict).toBe('TLE');
			expect(report.cases[0].explanation).toMatchObject({ seconds: 0.3 });
			const overridden = await run(['--language', 'python', '--exercise', folder, '--source', slow, '--time-limit-ms', '200']);
			expect(JSON.parse(overridden.stdout).cases[0].explanation).toMatchObject({ seconds: 0.2 });
		});

		it.each([
			['a folder that is not an exercise', ['--language', 'python', '--exercise', directory], /not a slug|missing exercise\.md/],
			['a folder that does not exist', ['--language', 'python', '--exercise', join(directory, 'missing-folder')], /not a readable folder/]
		])("%s: exit 2 and the loader's message", async (_, argv, message) => {
			const result = await run(argv);
			expect(result).toMatchObject({ status: 2, stdout: '' });
			expect(result.stderr).toMatch(message);
		});
	});

	it('runs as `npm run judge` (scripts/judge.ts through tsx)', () => {
		const result = spawnSync('npx', ['tsx', 'scripts/judge.ts', '--language', 'python', '--source', file('sum2.py', sumPrograms.python), '--cases', sumCases], {
			encoding: 'utf8'
		});
		expect(result.status).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({ verdict: 'AC', sandboxed: true });
		const bad = spawnSync('npx', ['tsx', 'scripts/judge.ts', '--language', 'cobol'], { encoding: 'utf8' });
		expect(bad.status).toBe(2);
		expect(bad.stderr).toMatch(/Usage: npm run judge/);
	});
});
