// DNCL (共通テスト用プログラム表記) through the real sandbox: translated to JavaScript, judged on the JavaScript path
// with the same verdicts, and explained on the student's DNCL lines.
import { describe, expect, it } from 'vitest';
import { judgeProgram, quickLimits, sumPrograms, useSandbox } from './testing';

const sandbox = useSandbox();

describe('DNCL in the sandbox', () => {
	it('AC and WA as for the other languages', async () => {
		const report = await judgeProgram(sandbox(), 'dncl', sumPrograms.dncl, [
			['1 2\n', '3\n'],
			['-5 20\n', '15\n']
		]);
		expect(report).toMatchObject({ verdict: 'AC', sandboxed: true });
		const wrong = await judgeProgram(sandbox(), 'dncl', '表示する(1)\n表示する(3)\n', [['', '1\n2\n']]);
		expect(wrong.cases[0]).toMatchObject({ verdict: 'WA', explanation: { code: 'wrong_answer', line: 2 } });
	});

	it('a program off the notation is CE with the Japanese message naming the line, and nothing runs', async () => {
		const report = await judgeProgram(sandbox(), 'dncl', 'x = 【外部からの入力】\nもし x > 3:\n⎿ 表示する(x)\n', [['5\n', '5\n']]);
		expect(report.verdict).toBe('CE');
		expect(report.cases).toEqual([]);
		expect(report.compileError).toEqual({
			stderr: 'main.dncl:2\nDNCLSyntaxError: 2行目: 『ならば』が見つかりません\n',
			explanation: { code: 'dncl_syntax_error', line: 2 }
		});
	});

	it('a runtime error is RE on its DNCL line, in Japanese, keeping the output before it', async () => {
		const source = 'Data = [1, 2, 3]\n表示する(Data[0])\ni = 【外部からの入力】\n表示する(Data[i])\n';
		const report = await judgeProgram(sandbox(), 'dncl', source, [['3\n', '1\n4\n']]);
		expect(report.cases[0]).toMatchObject({
			verdict: 'RE',
			stdout: '1\n',
			stderr: 'main.dncl:4\nDNCLError: 4行目: 配列Dataの添字3は範囲外です（使える添字は0から2まで）\n',
			explanation: { code: 'dncl_runtime_error', line: 4 }
		});
	});

	it('a loop that never ends is TLE, and the exercise may count arrays from 1', async () => {
		const endless = await judgeProgram(sandbox(), 'dncl', 'x = 0\nx < 1 の間繰り返す:\n⎿ x = x * 1\n', [['', '']], {
			limits: { ...quickLimits, timeLimitMs: 300 }
		});
		expect(endless.verdict).toBe('TLE');
		const oneBased = await judgeProgram(sandbox(), 'dncl', 'Data = [7, 8]\n表示する(Data[1] + Data[2])\n', [['', '15\n']], { dnclArrayBase: 1 });
		expect(oneBased.verdict).toBe('AC');
	});
});
