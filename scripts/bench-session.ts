// `npm run bench:session [-- --minutes N] [--students N] [--submissions N] [--workers N] [--concurrency N]
// [--server-runs SHARE]`: a club session as a soak test. 60 students log in through the login form, open exercises,
// run and submit programs (half right, a quarter wrong, a quarter hostile) with a human's pauses, against one
// production web server (JUDGE_IN_PROCESS=0) and standalone judge workers (default 2 × JUDGE_CONCURRENCY=2), all on
// this machine's cores, on a fresh PostgreSQL database seeded at full size. Runs happen in the students' browsers;
// `--server-runs` is the share that falls back to the server (default 0.1). Prints figures; asserts nothing.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { startJudgeWorker, startWebServer, type RunningProcess } from '../tests/support/processes';
import { ensureFreshBuild } from './performance/build';
import { createSeededDatabase, postgresBaseUrl } from './performance/databases';
import { exerciseSlug, fullSizes, studentsWithAccounts } from './performance/large-dataset';
import { createTally, residentMegabytes, simulateStudent } from './performance/club-session';
import { percentile, printSeedStep } from './performance/report';
import { selectRows } from '../src/lib/server/db';
import { freePort } from './performance/ports';

if (process.env.NODE_ENV === 'production') {
	console.error('bench:session seeds a throwaway database and refuses to run with NODE_ENV=production.');
	process.exit(1);
}
if (!postgresBaseUrl()) {
	console.error('bench:session runs on PostgreSQL: set TEST_DATABASE_URL (or DATABASE_URL).');
	process.exit(1);
}

const { values } = parseArgs({
	options: {
		minutes: { type: 'string', default: '5' },
		students: { type: 'string', default: '60' },
		submissions: { type: 'string' },
		'think-seconds': { type: 'string', default: '5-20' },
		workers: { type: 'string', default: '2' },
		concurrency: { type: 'string', default: '2' },
		'server-runs': { type: 'string', default: '0.1' }
	}
});
const minutes = Number(values.minutes);
const studentCount = Number(values.students);
const [thinkLow, thinkHigh] = values['think-seconds'].split('-').map(Number) as [number, number];
const sizes = { ...fullSizes, ...(values.submissions ? { submissions: Number(values.submissions) } : {}) };
const workerCount = Number(values.workers);
const workerConcurrency = Number(values.concurrency);
const serverRunShare = Number(values['server-runs']);

ensureFreshBuild();
console.log(`Seeding PostgreSQL: ${sizes.members} members, ${sizes.submissions} submissions`);
const database = await createSeededDatabase('postgres', sizes, printSeedStep);
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
let server: RunningProcess | undefined;
const workers: RunningProcess[] = [];
try {
	server = await startWebServer(port, { ...database.env, JUDGE_IN_PROCESS: '0' });
	for (let worker = 0; worker < workerCount; worker++) workers.push(startJudgeWorker({ ...database.env, JUDGE_CONCURRENCY: String(workerConcurrency) }));
	const serverPid = server.process.pid!;
	const memory = () => residentMegabytes(serverPid, (path) => readFileSync(path, 'utf8'));
	const rssSamples: Array<{ at: number; megabytes: number }> = [{ at: 0, megabytes: memory() }];

	// Seeded exercises that are published (every 20th is a draft).
	const exerciseSlugs = Array.from({ length: 40 }, (_, index) => index + 1)
		.filter((index) => index % 20 !== 0)
		.map(exerciseSlug);
	const started = Date.now();
	const until = started + minutes * 60_000;
	const sampler = setInterval(() => rssSamples.push({ at: Date.now() - started, megabytes: memory() }), 5_000);
	const tally = createTally();
	let seed = 42;
	// A fixed pseudo-random sequence, so two runs put the same load on the server.
	const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
	console.log(`\n${studentCount} students for ${minutes} min, thinking ${thinkLow}–${thinkHigh} s between actions …`);
	await Promise.all(
		studentsWithAccounts(studentCount, sizes).map((memberIndex) =>
			simulateStudent({ origin, memberIndex, exerciseSlugs, until, thinkSeconds: [thinkLow, thinkHigh], serverRunShare, random, tally })
		)
	);
	clearInterval(sampler);
	rssSamples.push({ at: Date.now() - started, megabytes: memory() });

	const connection = await database.open();
	const [queue] = await selectRows<{ judged: number; unfinished: number; longest_wait_ms: number; p95_verdict_ms: number; p50_verdict_ms: number }>(
		connection.db,
		sql`select count(*) filter (where finished_at is not null)::int as judged,
				count(*) filter (where finished_at is null)::int as unfinished,
				coalesce(max(extract(epoch from (coalesce(started_at, now()) - created_at)) * 1000), 0)::float8 as longest_wait_ms,
				coalesce(percentile_cont(0.95) within group (order by extract(epoch from (finished_at - created_at)) * 1000), 0)::float8 as p95_verdict_ms,
				coalesce(percentile_cont(0.5) within group (order by extract(epoch from (finished_at - created_at)) * 1000), 0)::float8 as p50_verdict_ms
			from submissions where id = any(${`{${tally.submissions.join(',')}}`}::uuid[])`
	);
	const verdicts = await selectRows<{ verdict: string | null; count: number }>(
		connection.db,
		sql`select coalesce(verdict, status) as verdict, count(*)::int as count from submissions
			where id = any(${`{${tally.submissions.join(',')}}`}::uuid[]) group by 1 order by 2 desc`
	);
	await connection.close();

	const errors = [...tally.errors.values()].reduce((sum, count) => sum + count, 0);
	const honest = [...tally.verdictMs.honest].sort((a, b) => a - b);
	const hostile = [...tally.verdictMs.hostile].sort((a, b) => a - b);
	const firstMinute = rssSamples.find((sample) => sample.at >= 60_000) ?? rssSamples.at(-1)!;
	console.log(
		`\n== bench:session summary (${minutes} min, ${studentCount} students, 1 web server, ${workerCount} judge workers × ${workerConcurrency}, PostgreSQL)`
	);
	console.log(`  actions             ${[...tally.actions].map(([action, count]) => `${action}: ${count}`).join(', ')}`);
	console.log(`  errors              ${errors}${errors ? `  (${[...tally.errors].map(([what, count]) => `${what}: ${count}`).join(', ')})` : ''}`);
	console.log(`  rate limited (429)  ${tally.rateLimited}  (intended: 20 runs / 10 submits a minute per person)`);
	console.log(`  runs in the browser ${tally.browserRuns}; ${Math.round(serverRunShare * 100)}% of runs fall back to the server`);
	console.log(`  submissions         ${tally.submissions.length} accepted, ${queue?.judged ?? 0} judged, ${queue?.unfinished ?? 0} unfinished at the end`);
	console.log(`  verdicts            ${verdicts.map((row) => `${row.verdict}: ${row.count}`).join(', ')}`);
	console.log(`  queue longest wait  ${((queue?.longest_wait_ms ?? 0) / 1000).toFixed(2)} s  (created_at → started_at)`);
	console.log(
		`  server side         p50 ${((queue?.p50_verdict_ms ?? 0) / 1000).toFixed(2)} s, p95 ${((queue?.p95_verdict_ms ?? 0) / 1000).toFixed(2)} s  (created_at → finished_at)`
	);
	console.log(
		`  web server RSS      start ${rssSamples[0]!.megabytes.toFixed(0)} MB, after 1 min ${firstMinute.megabytes.toFixed(0)} MB, end ${rssSamples.at(-1)!.megabytes.toFixed(0)} MB, max ${Math.max(...rssSamples.map((sample) => sample.megabytes)).toFixed(0)} MB`
	);
	console.log(`  as students see it (POST → verdict on the page): ${honest.length} honest, ${hostile.length} hostile programs`);
	console.log(`honest verdict p50 ms: ${Math.round(percentile(honest, 0.5))}`);
	console.log(`honest verdict p95 ms: ${Math.round(percentile(honest, 0.95))}`);
	console.log(`hostile verdict p95 ms: ${Math.round(percentile(hostile, 0.95))}`);
	console.log(`session errors: ${errors}`);
} finally {
	for (const worker of workers) await worker.stop();
	await server?.stop();
	await database.drop();
}
