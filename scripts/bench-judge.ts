// `npm run bench:judge`: judge latency and throughput against running the same programs bare. DNCL's bare baseline
// is plain `node` on the JavaScript the program translates to, so its ratio shows what translating in the judge costs
// on top of the JavaScript path. Uses an in-memory PGlite, or DATABASE_URL when set (its rows are deleted afterwards).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { migrate, openDatabase } from '../src/lib/server/db';
import { users, exerciseCases, exercises } from '../src/lib/server/db/schema';
import * as judge from '../src/lib/server/judge';
import { translateProgram } from '../src/lib/dncl';
import { defaultInterpreters, languageDefinitions, runtimeOf, type Language } from '../src/lib/server/judge/languages';

const latencyRuns = 20;
const throughputSubmissions = 200;
const cores = availableParallelism();

const programs: Record<Language, string> = {
	python: 'a, b = map(int, input().split())\nprint(a + b)\n',
	javascript: "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);\nconsole.log(a + b);\n",
	dncl: 'Kazu = 【外部からの入力】\n表示する(Kazu[0] + Kazu[1])\n'
};
/** What the bare baseline runs: the program itself, or for DNCL the JavaScript it translates to. */
const barePrograms: Record<Language, string> = { ...programs, dncl: translateProgram(programs.dncl) };
const cases = Array.from({ length: 10 }, (_, index) => ({ input: `${index} ${index * 7}\n`, output: `${index * 8}\n` }));

const connection = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { pgliteDir: 'memory://' });
await migrate(connection);
const { db } = connection;
const suffix = randomBytes(4).toString('hex');
// One account per submission of a round: a person's newer submit replaces their older one that has not started
// (judge/queue.ts), and the throughput rounds stand for a room of students, not one student pressing 提出する.
const benchUsers = await db
	.insert(users)
	.values(Array.from({ length: throughputSubmissions }, (_, index) => ({ email: `bench-${suffix}-${index}@example.jp`, displayName: 'bench' })))
	.returning({ id: users.id });
const [user] = benchUsers;
const [exercise] = await db
	.insert(exercises)
	.values({
		slug: `bench-${suffix}`,
		titleJa: 'ベンチマーク',
		titleEn: 'Benchmark',
		statementJa: '',
		statementEn: '',
		languages: ['python', 'javascript', 'dncl'],
		published: false
	})
	.returning({ id: exercises.id });
if (!user || !exercise) throw new Error('seeding failed');
await db
	.insert(exerciseCases)
	.values(cases.map((testCase, position) => ({ exerciseId: exercise.id, position, input: testCase.input, expectedOutput: testCase.output })));

// Submission id → resolves with the verdict when its result is written.
const waiting = new Map<string, (verdict: string | null) => void>();
const finished = new Map<string, string | null>();
const pool = await judge.startWorkers(db, {
	production: process.env.NODE_ENV === 'production',
	concurrency: cores,
	onFinished: ({ id, verdict }) => {
		finished.set(id, verdict);
		waiting.get(id)?.(verdict);
	}
});

function verdictOf(id: string): Promise<string | null> {
	if (finished.has(id)) return Promise.resolve(finished.get(id) ?? null);
	return new Promise((resolve) => waiting.set(id, resolve));
}

async function submit(language: Language, author = user!): Promise<string> {
	const { id } = await judge.enqueueSubmission(db, {
		userId: author.id,
		exerciseId: exercise!.id,
		language,
		mode: 'submit',
		source: programs[language],
		stdin: null
	});
	return id;
}

async function judgeLatency(language: Language): Promise<number> {
	const started = performance.now();
	const verdict = await verdictOf(await submit(language));
	if (verdict !== 'AC') throw new Error(`${language}: expected AC, got ${verdict}`);
	return performance.now() - started;
}

// The bare baseline runs in a small process of its own: spawn() forks the caller, and the cost of a fork grows
// with the caller's memory (measured here: 1 ms from a 50 MB process, 13 ms from one holding an in-memory
// PGlite). Bare means what running the programs from a shell costs, so it must not pay for this one's size.
const bareRunnerSource = `
const { spawn } = require('node:child_process');
const run = (command, args, cwd, input) => new Promise((resolve, reject) => {
	const child = spawn(command, args, { cwd, env: {} });
	let stdout = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	child.on('error', reject);
	child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(command + ' exited with ' + code))));
	child.stdin.end(input);
});
process.on('message', async ({ id, submissions, lanes }) => {
	const started = performance.now();
	const queue = [...submissions];
	await Promise.all(Array.from({ length: lanes }, async () => {
		for (let next = queue.shift(); next; next = queue.shift()) {
			for (const testCase of next.cases) {
				const stdout = await run(next.command, next.args, next.cwd, testCase.input);
				if (stdout.trim() !== testCase.output.trim()) throw new Error('wrong bare output: ' + stdout);
			}
		}
	}));
	process.send({ id, ms: performance.now() - started });
});
`;
const bareRunner = spawn(process.execPath, ['--eval', bareRunnerSource], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: {} });
let bareRequests = 0;

/** Milliseconds the bare runner takes for `languages` (one submission of 10 cases each), on `lanes` lanes. */
function runBare(submissionLanguages: Language[], lanes: number): Promise<number> {
	const id = ++bareRequests;
	const submissions = submissionLanguages.map((language) => ({
		command: defaultInterpreters[runtimeOf(language)],
		args: languageDefinitions[runtimeOf(language)].runArguments(judge.defaultLimits),
		cwd: directories[language],
		cases
	}));
	return new Promise((resolve) => {
		const onMessage = (message: { id: number; ms: number }) => {
			if (message.id !== id) return;
			bareRunner.off('message', onMessage);
			resolve(message.ms);
		};
		bareRunner.on('message', onMessage);
		bareRunner.send({ id, submissions, lanes });
	});
}

const median = (values: number[]) => percentile(values, 50);
function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const directories: Record<Language, string> = { python: '', javascript: '', dncl: '' };
for (const language of judge.languages) {
	directories[language] = await mkdtemp(join(tmpdir(), 'bench-judge-'));
	await writeFile(join(directories[language], languageDefinitions[runtimeOf(language)].fileName), barePrograms[language]);
}

const rows: Array<[string, string, string]> = [];
const latencyRatios = new Map<Language, number>();
try {
	for (const language of judge.languages) {
		for (let warmUp = 0; warmUp < 3; warmUp++) {
			await judgeLatency(language);
			await runBare([language], 1);
		}
		const judged: number[] = [];
		const bare: number[] = [];
		// Interleaved, so that both see the same machine (other load, CPU frequency).
		for (let run = 0; run < latencyRuns; run++) {
			judged.push(await judgeLatency(language));
			bare.push(await runBare([language], 1));
		}
		const ratio = median(judged) / median(bare);
		latencyRatios.set(language, ratio);
		rows.push(
			[`${language}: bare, 10 cases in sequence`, `p50 ${median(bare).toFixed(1)} ms`, `p95 ${percentile(bare, 95).toFixed(1)} ms`],
			[`${language}: judge, enqueue to verdict`, `p50 ${median(judged).toFixed(1)} ms`, `p95 ${percentile(judged, 95).toFixed(1)} ms`],
			[`${language}: judge/bare latency`, `${ratio.toFixed(2)}`, '']
		);
	}

	// In rounds, bare then judged, so that a change in the machine's other load affects both alike.
	const rounds = 4;
	let bareSeconds = 0;
	let judgeSeconds = 0;
	for (let round = 0; round < rounds; round++) {
		const mix = Array.from({ length: throughputSubmissions / rounds }, (_, index) => judge.languages[index % 2] as Language);
		bareSeconds += (await runBare(mix, cores)) / 1000;

		const started = performance.now();
		const ids = await Promise.all(mix.map((language, index) => submit(language, benchUsers[index]!)));
		const verdicts = await Promise.all(ids.map(verdictOf));
		judgeSeconds += (performance.now() - started) / 1000;
		if (verdicts.some((verdict) => verdict !== 'AC')) throw new Error('a throughput submission was not AC');
	}
	const bareThroughput = throughputSubmissions / bareSeconds;
	const judgeThroughput = throughputSubmissions / judgeSeconds;
	rows.push(
		[`throughput, ${throughputSubmissions} submissions (python/javascript half each), ${cores} lanes`, '', ''],
		['  bare, all cores', `${bareThroughput.toFixed(1)} submissions/s`, ''],
		[`  judge, ${cores} workers`, `${judgeThroughput.toFixed(1)} submissions/s`, `${((100 * judgeThroughput) / bareThroughput).toFixed(0)}% of bare`]
	);

	const workerRss = Math.round(process.memoryUsage().rss / 1e6);
	console.log(
		`judge benchmark — ${connection.kind}, ${cores} cores, sandboxed: ${pool.sandboxed}, 10 cases per submission, worker process ${workerRss} MB RSS\n`
	);
	const width = Math.max(...rows.map(([label]) => label.length));
	for (const [label, first, second] of rows) console.log(`${label.padEnd(width)}  ${first.padEnd(22)}${second}`);
	console.log(`\njudge/bare latency ratio: ${Math.max(latencyRatios.get('python')!, latencyRatios.get('javascript')!).toFixed(2)}`);
	console.log(`dncl/bare latency ratio: ${latencyRatios.get('dncl')!.toFixed(2)}`);
} finally {
	await pool.stop();
	bareRunner.kill();
	for (const directory of Object.values(directories)) await rm(directory, { recursive: true, force: true });
	await db.delete(judge.submissions).where(eq(judge.submissions.exerciseId, exercise.id));
	await db.delete(exercises).where(eq(exercises.id, exercise.id));
	await db.delete(users).where(
		inArray(
			users.id,
			benchUsers.map((author) => author.id)
		)
	);
	await connection.close();
}
