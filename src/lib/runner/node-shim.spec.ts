// The browser's JavaScript runner must print what Node prints: each program here runs in real Node and in the shim
// (in a V8 context shaped like a Web Worker), and the two outputs must be the same.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { explainError } from '../judge/explain';
import { workerScript } from './javascript';

interface Outcome {
	stdout: string;
	stderr: string;
	code: number | null;
}

const directory = mkdtempSync(join(tmpdir(), 'node-shim-'));

/** Standard input from a file, as the judge gives it (a pipe from spawnSync could not be opened as /dev/stdin). */
function runInNode(source: string, stdin: string): Outcome {
	const file = join(directory, 'main.js');
	writeFileSync(file, source);
	writeFileSync(join(directory, 'input.txt'), stdin);
	const input = openSync(join(directory, 'input.txt'), 'r');
	const result = spawnSync(process.execPath, [file], { stdio: [input, 'pipe', 'pipe'], encoding: 'utf8', cwd: directory, timeout: 10_000 });
	closeSync(input);
	return { stdout: result.stdout, stderr: result.stderr.replaceAll(`${directory}/`, ''), code: result.status };
}

/** The worker's script in a fresh V8 context whose global object plays the Web Worker's `self`. */
function runInShim(source: string, stdin: string, outputLimitKb = 64): Promise<Outcome & { outputLimit: boolean }> {
	const { script } = workerScript({ source, stdin, outputLimitKb });
	return new Promise((resolve) => {
		const outcome = { stdout: '', stderr: '', code: null as number | null, outputLimit: false };
		const timers = new Set<ReturnType<typeof setTimeout>>();
		const context = vm.createContext({
			TextEncoder,
			TextDecoder,
			queueMicrotask,
			performance,
			setTimeout: (callback: () => void, delay?: number) => {
				const timer = setTimeout(() => {
					timers.delete(timer);
					callback();
				}, delay);
				timers.add(timer);
				return timer;
			},
			clearTimeout: (timer: ReturnType<typeof setTimeout>) => clearTimeout(timer),
			setInterval,
			clearInterval,
			addEventListener: () => {},
			postMessage: (message: { type: string; text?: string; code?: number }) => {
				if (message.type === 'stdout') outcome.stdout += message.text;
				else if (message.type === 'stderr') outcome.stderr += message.text;
				else if (message.type === 'output-limit') {
					outcome.outputLimit = true;
					resolve(outcome);
				} else if (message.type === 'exit') {
					outcome.code = message.code ?? 0;
					resolve(outcome);
				}
			}
		});
		vm.runInContext('globalThis.self = globalThis;', context);
		vm.runInContext(script, context, { filename: 'blob:worker' });
	});
}

const formatting = [
	'console.log([1, 2, 3])',
	'console.log([1, 2, 3, 4, 5, 6, 7])',
	'console.log(Array.from({ length: 30 }, (_, i) => i * i))',
	'console.log(Array.from({ length: 120 }, (_, i) => i))',
	"console.log(['apple', 'banana', 'cherry', 'durian', 'elderberry', 'fig', 'grape', 'honeydew'])",
	"console.log({ name: 'Taro', age: 14, scores: [80, 92, 75], club: { city: 'Kanazawa', members: 160 } })",
	'console.log([[1, 2], [3, 4], [5, 6]])',
	'console.log({ a: { b: { c: { d: 1 } } } })',
	'console.log([{ x: 1, y: 2 }, { x: 3, y: 4 }])',
	"console.log(new Map([['a', 1], ['b', 2]]), new Set([1, 'two', 3]))",
	"console.log('%s is %d years old', 'Hanako', 13.5, 'extra')",
	"console.log('100%', 'done', 5, -0, 1e21, 0.1 + 0.2, 10n, null, undefined, true)",
	"console.log(['it\\'s', 'say \"hi\"', 'a\\nb', ''])",
	"console.log({ 'a-b': 1, 2: 'two', valid_key: [], empty: {} })",
	'console.log([ , 1, , , 2])',
	'console.log(function named() {}, () => 1, class Box {}, Symbol("s"))',
	'const a = { self: null }; a.self = a; console.log(a)',
	'console.log(new Date(0), /ab+c/gi, [undefined, null])',
	'console.log(Array(5).fill("abcdefghijklmnopqrstuvwxyz"))',
	'class Point { constructor() { this.x = 1; this.y = 2; } } console.log(new Point(), [new Point()])',
	'console.log(new Uint8Array([1, 2, 3]))',
	"process.stdout.write('no newline'); process.stdout.write(String(42))",
	"console.error('to stderr'); console.log('to stdout')"
];

const inputs: Array<[string, string]> = [
	["console.log(require('fs').readFileSync('/dev/stdin', 'utf8').trim().split(' ').map(Number).reduce((a, b) => a + b))", '3 4\n'],
	["const lines = require('fs').readFileSync(0, 'utf8').split('\\n');\nconsole.log(lines.length, JSON.stringify(lines))", 'a\nb\n'],
	[
		"let input = '';\nprocess.stdin.setEncoding('utf8');\nprocess.stdin.on('data', (chunk) => (input += chunk));\nprocess.stdin.on('end', () => console.log(input.toUpperCase()));",
		'kanazawa\n'
	],
	["let input = '';\nprocess.stdin.on('data', (chunk) => (input += chunk));\nprocess.stdin.on('end', () => console.log(input.length));", '12345\n'],
	[
		"const rl = require('readline').createInterface({ input: process.stdin, output: process.stdout });\nconst lines = [];\nrl.on('line', (line) => lines.push(line));\nrl.on('close', () => console.log(lines.reverse().join(',')));",
		'1\n2\n3'
	],
	[
		"const readline = require('readline');\n(async () => {\n  const rl = readline.createInterface({ input: process.stdin });\n  for await (const line of rl) console.log('>', line);\n  console.log('end');\n})();",
		'x\ny\n'
	],
	[
		"process.stdin.resume();\nprocess.stdin.setEncoding('utf8');\nlet d = '';\nprocess.stdin.on('data', (c) => (d += c));\nprocess.stdin.on('end', () => { const [n] = d.split('\\n').map(Number); console.log(n * 2); });",
		'21\n'
	],
	["setTimeout(() => console.log('later'), 20);\nconsole.log('first');\nPromise.resolve().then(() => console.log('micro'));", ''],
	["let n = 0;\nconst id = setInterval(() => { n++; if (n === 3) { clearInterval(id); console.log('ticks', n); } }, 1);", ''],
	["console.log('before');\nprocess.exit(3);\nconsole.log('after');", ''],
	["process.exitCode = 2;\nconsole.log('set');", '']
];

const failures: Array<[string, string]> = [
	['const x = 1;\nconsole.log(y);', 'javascript_reference_error'],
	['const list = [];\nlist.at(0).name;\n', 'javascript_type_error'],
	['function f(n) { return f(n + 1); }\nf(0);', 'javascript_stack_overflow'],
	['setTimeout(() => {\n  null.x;\n}, 0);', 'javascript_type_error'],
	["const fs = require('fs');\nfs.readFileSync('secret.txt');", 'javascript_runtime_error']
];

describe('the browser JavaScript runner prints what Node prints', () => {
	it.each(formatting)('%s', async (source) => {
		const node = runInNode(source, '');
		const shim = await runInShim(source, '');
		expect(shim.stdout).toBe(node.stdout);
		expect(shim.stderr).toBe(node.stderr);
		expect(shim.code).toBe(node.code);
	});

	it.each(inputs)('reads standard input like Node: %s', async (source, stdin) => {
		const node = runInNode(source, stdin);
		const shim = await runInShim(source, stdin);
		expect(shim.stdout).toBe(node.stdout);
		expect(shim.code).toBe(node.code);
	});

	it.each(failures)('an uncaught error is explained as on the server: %s', async (source, code) => {
		const node = runInNode(source, '');
		const shim = await runInShim(source, '');
		expect(shim.code).toBe(1);
		const expected = explainError('javascript', node.stderr);
		expect(expected?.code).toBe(code);
		expect(explainError('javascript', shim.stderr)).toEqual(expected);
	});

	it('stops a program at the output limit', async () => {
		const shim = await runInShim("while (true) console.log('x'.repeat(100));", '', 1);
		expect(shim.outputLimit).toBe(true);
		expect(shim.stdout.length).toBeLessThanOrEqual(1024);
	});
});
