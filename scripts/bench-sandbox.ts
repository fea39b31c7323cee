// `npm run bench:sandbox [-- --node /path/to/node ...] [--runs N]`: what one sandboxed run costs before the program's
// first line, per interpreter: a hello-world run bare, in bubblewrap, and in bubblewrap with the seccomp filter,
// and what each node holds in memory at start inside the sandbox. Prints figures; asserts nothing.
import { parseArgs } from 'node:util';
import { createSandbox, type Sandbox } from '../src/lib/server/judge/sandbox';
import { runUnsandboxed } from '../src/lib/server/judge/unsandboxed';
import { defaultLimits } from '../src/lib/server/judge/limits';
import type { Language } from '../src/lib/server/judge/languages';

const { values } = parseArgs({ options: { node: { type: 'string', multiple: true }, runs: { type: 'string', default: '40' } } });
const runs = Number(values.runs);
const nodes = values.node?.length ? values.node : [process.execPath];
const hello: Record<Language, string> = { python: 'print("hello")\n', javascript: 'console.log("hello");\n' };
const footprint = `const s = require('fs').readFileSync('/proc/self/status', 'utf8');
const mb = (key) => Math.round(Number(new RegExp('^' + key + ':\\\\s+(\\\\d+)', 'm').exec(s)[1]) / 1024);
console.log(process.version, 'VmData', mb('VmData'), 'MB, VmSize', mb('VmSize'), 'MB, VmRSS', mb('VmRSS'), 'MB');`;

type Runner = (language: Language, source: string) => Promise<{ stdout: string }>;

async function time(label: string, runner: Runner, language: Language) {
	await runner(language, hello[language]);
	const samples: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		const { stdout } = await runner(language, hello[language]);
		samples.push(performance.now() - started);
		if (stdout !== 'hello\n') throw new Error(`${label}: unexpected output ${JSON.stringify(stdout)}`);
	}
	samples.sort((a, b) => a - b);
	const at = (share: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * share))]!.toFixed(1);
	console.log(`  ${label.padEnd(34)} median ${at(0.5).padStart(6)} ms   p95 ${at(0.95).padStart(6)} ms`);
}

const viaSandbox =
	(sandbox: Sandbox): Runner =>
	(language, source) =>
		sandbox.run({ language, source, stdin: '', limits: defaultLimits, purpose: 'run' });

for (const node of nodes) {
	const interpreters = { python: '/usr/bin/python3', javascript: node };
	const filtered = await createSandbox({ production: true, interpreters });
	// Development mode without libseccomp: bubblewrap alone, for the cost of the filter.
	const unfiltered = await createSandbox({ production: false, interpreters, seccompCompiler: '/bin/false' });
	console.log(`\n${node}: ${(await viaSandbox(filtered)('javascript', footprint)).stdout.trim()} at start, in the sandbox (${runs} runs each)`);
	for (const language of ['javascript', 'python'] as const) {
		if (language === 'python' && node !== nodes[0]) continue;
		await time(
			`${language} bare`,
			(lang, source) => runUnsandboxed(interpreters, { language: lang, source, stdin: '', limits: defaultLimits, purpose: 'run' }),
			language
		);
		await time(`${language} bubblewrap`, viaSandbox(unfiltered), language);
		await time(`${language} bubblewrap + seccomp`, viaSandbox(filtered), language);
	}
}
