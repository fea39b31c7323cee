// The memory limit on whichever Node runs the suite (CI runs it on Node 24 and on Node 20): a program under its
// limit is judged normally, one over it is MLE, whatever the Node version holds before the program starts.
import { chmod, copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSandbox } from './sandbox';
import { judgeProgram, quickLimits, runOnce, useSandbox } from './testing';

const sandbox = useSandbox();
const limits = { ...quickLimits, timeLimitMs: 10_000, memoryLimitMb: 256 };

describe(`memory limit of 256 MB on Node ${process.versions.node}`, () => {
	it.each([
		['javascript', '200 MB of arrays on the heap', 'const a = [];\nfor (let i = 0; i < 25; i++) a.push(new Array(1e6).fill(i));\nconsole.log("ok");\n'],
		['javascript', '200 MB of Buffers', 'const b = [];\nfor (let i = 0; i < 20; i++) b.push(Buffer.alloc(1e7, i));\nconsole.log("ok");\n'],
		['javascript', 'one typed array of 200 MB', 'const a = new Float64Array(25e6).fill(1);\nconsole.log("ok");\n'],
		['python', '200 MB in one bytearray', 'b = bytearray(200 * 1024 * 1024)\nprint("ok")\n']
	] as const)('%s, %s: AC', async (language, _, source) => {
		const report = await judgeProgram(sandbox(), language, source, [['', 'ok\n']], { limits });
		expect(report.cases[0]).toMatchObject({ verdict: 'AC' });
	});

	it.each([
		['javascript', '320 MB of arrays on the heap', 'const a = [];\nfor (let i = 0; i < 40; i++) a.push(new Array(1e6).fill(i));\nconsole.log("ok");\n'],
		['javascript', '320 MB of Buffers', 'const b = [];\nfor (let i = 0; i < 32; i++) b.push(Buffer.alloc(1e7, i));\nconsole.log("ok");\n'],
		['javascript', 'one typed array of 320 MB', 'const a = new Float64Array(40e6).fill(1);\nconsole.log("ok");\n'],
		['python', '320 MB in one bytearray', 'b = bytearray(320 * 1024 * 1024)\nprint("ok")\n']
	] as const)('%s, %s: MLE', async (language, _, source) => {
		const report = await judgeProgram(sandbox(), language, source, [['', 'ok\n']], { limits });
		expect(report.cases[0]).toMatchObject({ verdict: 'MLE', explanation: { code: 'memory_limit_exceeded', megabytes: 256 } });
	});

	it('Node starts under a small limit: what it holds at start (Node 24: its code range) is not counted', async () => {
		const small = { ...quickLimits, memoryLimitMb: 16 };
		expect((await judgeProgram(sandbox(), 'javascript', 'console.log("ok");\n', [['', 'ok\n']], { limits: small })).verdict).toBe('AC');
		const over = await judgeProgram(sandbox(), 'javascript', 'const b = Buffer.alloc(64e6, 1);\nconsole.log("ok");\n', [['', 'ok\n']], { limits: small });
		expect(over.verdict).toBe('MLE');
	});
});

describe('JUDGE_NODE', () => {
	it('programs run with the configured node, bound into the sandbox from outside /usr', { timeout: 60_000 }, async () => {
		const directory = await mkdtemp(join(tmpdir(), 'judge-node-'));
		try {
			// Readable by every user, as the README asks: each run's uid must be able to reach it.
			await chmod(directory, 0o755);
			const node = join(directory, 'node');
			await copyFile(process.execPath, node);
			const configured = await createSandbox({ production: true, interpreters: { javascript: node } });
			const outcome = await runOnce(configured, 'javascript', 'console.log(process.execPath, process.version);\n');
			expect(outcome.stdout).toBe(`${node} ${process.version}\n`);
		} finally {
			await rm(directory, { recursive: true, force: true });
		}
	});
});
