// `npm run bench:web [-- --seconds N] [--connections 5,50] [--pglite-submissions N] [--only pglite|postgres] [--keep NAME]`
// Loads the production build (`node build`) on a club at full size (10,000 members, 1,000,000 submissions), page by
// page with autocannon over loopback, at light load (5 connections) and under load (50), on PGlite and on PostgreSQL
// (TEST_DATABASE_URL or DATABASE_URL, a fresh database that is dropped afterwards; with `--keep NAME` a database of
// that name, seeded on first use and reused, only migrated, by later runs). GET /api/ping (no database work) is the
// baseline. Per page it also prints where the time goes, from the pages' Server-Timing header (hooks/server-timing.ts)
// over 20 requests one at a time: the share spent waiting for SQL, the share in the server's own code (load functions
// and rendering), and the queries per page. Prints figures; asserts nothing.
import { parseArgs } from 'node:util';
import { startWebServer, type RunningProcess } from '../tests/support/processes';
import { ensureFreshBuild } from './performance/build';
import { createSeededDatabase, postgresBaseUrl, type BenchmarkBackend } from './performance/databases';
import { benchContestId, exerciseSlug, fullSizes, groupId } from './performance/large-dataset';
import { loadUrl, sampleServerTiming, type LoadResult, type ServerTimingSample } from './performance/load';
import { printSeedStep } from './performance/report';
import { freePort } from './performance/ports';

if (process.env.NODE_ENV === 'production') {
	console.error('bench:web seeds throwaway databases and refuses to run with NODE_ENV=production.');
	process.exit(1);
}

const { values } = parseArgs({
	options: {
		seconds: { type: 'string', default: '10' },
		connections: { type: 'string', default: '5,50' },
		keep: { type: 'string' },
		'pglite-submissions': { type: 'string' },
		submissions: { type: 'string' },
		only: { type: 'string' }
	}
});
const seconds = Number(values.seconds);
const connectionLevels = values.connections.split(',').map(Number);
const backends: BenchmarkBackend[] = values.only ? [values.only as BenchmarkBackend] : postgresBaseUrl() ? ['pglite', 'postgres'] : ['pglite'];
if (!postgresBaseUrl()) console.log('⚠ Neither TEST_DATABASE_URL nor DATABASE_URL is set: PostgreSQL is SKIPPED.');

interface Target {
	name: string;
	path: string;
	cookie?: string;
}

ensureFreshBuild();

const summary: Array<{ backend: BenchmarkBackend; name: string; connections: number; result: LoadResult }> = [];

for (const backend of backends) {
	const submissions = Number((backend === 'pglite' && values['pglite-submissions']) || values.submissions || fullSizes.submissions);
	const sizes = { ...fullSizes, submissions };
	console.log(`\n== ${backend}: seeding ${sizes.members} members, ${sizes.exercises} exercises, ${sizes.submissions} submissions`);
	const database = await createSeededDatabase(backend, sizes, printSeedStep, (message) => console.log(`    … ${message}`), {
		keep: backend === 'postgres' ? values.keep : undefined
	});
	const port = await freePort();
	let server: RunningProcess | undefined;
	try {
		server = await startWebServer(port, { ...database.env, JUDGE_IN_PROCESS: '0', SEED_DEMO: '0' });
		const origin = `http://127.0.0.1:${port}`;
		const { student, coordinator, mentor, submissionId } = database.people;
		const studentCookie = `session=${student.token}`;
		const coordinatorCookie = `session=${coordinator.token}`;
		const mentorCookie = `session=${mentor.token}`;
		const candidates: Target[] = [
			{ name: 'baseline GET /api/ping', path: '/api/ping' },
			{ name: 'home / (a visitor)', path: '/' },
			{ name: 'catalog /exercises', path: '/exercises', cookie: studentCookie },
			{ name: 'exercise page', path: `/exercises/${exerciseSlug(1)}`, cookie: studentCookie },
			{ name: 'student profile /student', path: '/student', cookie: studentCookie },
			{ name: 'coordinator dashboard', path: '/coordinator', cookie: coordinatorCookie },
			{ name: 'coordinator funnel', path: '/coordinator/funnel', cookie: coordinatorCookie },
			{ name: 'mentor review queue', path: '/mentor/reviews', cookie: mentorCookie },
			{ name: 'coordinator reviews', path: '/coordinator/reviews', cookie: coordinatorCookie },
			{ name: 'group page (whole club)', path: `/groups/${groupId(1)}`, cookie: mentorCookie },
			{ name: 'GET /api/submissions/{id}', path: `/api/submissions/${submissionId}`, cookie: studentCookie },
			{ name: 'contest scoreboard', path: `/contests/${benchContestId}/scoreboard`, cookie: studentCookie },
			{ name: 'contest scoreboard JSON', path: `/contests/${benchContestId}/scoreboard.json`, cookie: studentCookie }
		];
		const targets: Target[] = [];
		for (const candidate of candidates) {
			const status = await answerStatus(origin, candidate);
			if (status === 200) targets.push(candidate);
			else console.log(`  note: ${candidate.name} answers ${status}, not 200: skipped`);
		}
		console.log(`\n${backend}: where the time goes (Server-Timing, 20 requests one at a time)`);
		console.log(`  ${'target'.padEnd(34)} ${'total ms'.padStart(9)} ${'SQL %'.padStart(6)} ${'render %'.padStart(9)} ${'queries'.padStart(8)}`);
		for (const target of targets) {
			const sample = await sampleServerTiming(origin + target.path, target.cookie ? { cookie: target.cookie } : {}, 20);
			console.log(`  ${target.name.padEnd(34)} ${formatSplit(sample)}`);
		}
		for (const connections of connectionLevels) {
			console.log(`\n${backend}: ${connections} connections, ${seconds} s per target, loopback`);
			console.log(
				`  ${'target'.padEnd(34)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'req/s'.padStart(8)} ${'failed'.padStart(7)}`
			);
			for (const target of targets) {
				const headers = target.cookie ? { cookie: target.cookie } : undefined;
				// A pause, so queries a timed-out previous target left running do not count against this one; then a short
				// warm-up so the figures do not include the JIT and cold caches.
				await new Promise((resolve) => setTimeout(resolve, 3000));
				await loadUrl(origin + target.path, { connections: Math.min(connections, 10), durationSeconds: 2, headers });
				const result = await loadUrl(origin + target.path, { connections, durationSeconds: seconds, headers });
				summary.push({ backend, name: target.name, connections, result });
				console.log(
					`  ${`${target.name}`.padEnd(34)} ${result.p50.toFixed(1).padStart(8)} ${result.p95.toFixed(1).padStart(8)} ${result.p99.toFixed(1).padStart(8)} ${result.requestsPerSecond.toFixed(0).padStart(8)} ${String(result.failures).padStart(7)}`
				);
			}
		}
	} finally {
		await server?.stop();
		await database.drop();
	}
}

function formatSplit(sample: ServerTimingSample | undefined): string {
	if (!sample) return `${'–'.padStart(9)} (no Server-Timing header)`;
	const share = (part: number) => `${((100 * part) / sample.totalMs).toFixed(0)}%`;
	return `${sample.totalMs.toFixed(1).padStart(9)} ${share(sample.databaseMs).padStart(6)} ${share(sample.renderMs).padStart(9)} ${sample.queries.toFixed(0).padStart(8)}`;
}

async function answerStatus(origin: string, target: Target): Promise<number> {
	const response = await fetch(origin + target.path, { headers: target.cookie ? { cookie: target.cookie } : {}, redirect: 'manual' });
	await response.arrayBuffer();
	return response.status;
}

console.log('');
for (const backend of backends) {
	for (const connections of connectionLevels) {
		const rows = summary.filter((row) => row.backend === backend && row.connections === connections);
		const baseline = rows.find((row) => row.name.startsWith('baseline'));
		const dashboard = rows.find((row) => row.name === 'coordinator dashboard');
		const scoreboard = rows.find((row) => row.name === 'contest scoreboard');
		const slowPages = rows.filter((row) => !row.name.startsWith('baseline') && row.result.p95 > 100).map((row) => row.name);
		console.log(`${backend} (${connections} connections): pages with p95 > 100 ms: ${slowPages.length ? slowPages.join(', ') : 'none'}`);
		if (baseline && dashboard)
			console.log(`${backend} (${connections} connections): dashboard p95 / baseline p95: ${(dashboard.result.p95 / baseline.result.p95).toFixed(2)}`);
		const funnel = rows.find((row) => row.name === 'coordinator funnel');
		if (baseline && funnel)
			console.log(`${backend} (${connections} connections): funnel p95 / baseline p95: ${(funnel.result.p95 / baseline.result.p95).toFixed(2)}`);
		const group = rows.find((row) => row.name === 'group page (whole club)');
		if (baseline && group)
			console.log(`${backend} (${connections} connections): group page p95 / baseline p95: ${(group.result.p95 / baseline.result.p95).toFixed(2)}`);
		if (baseline && scoreboard)
			console.log(`${backend} (${connections} connections): scoreboard p95 / baseline p95: ${(scoreboard.result.p95 / baseline.result.p95).toFixed(2)}`);
	}
}
const last = backends.at(-1);
const heaviest = Math.max(...connectionLevels);
const baseline = summary.find((row) => row.backend === last && row.connections === heaviest && row.name.startsWith('baseline'));
const dashboard = summary.find((row) => row.backend === last && row.connections === heaviest && row.name === 'coordinator dashboard');
if (baseline && dashboard) console.log(`dashboard p95 / baseline p95: ${(dashboard.result.p95 / baseline.result.p95).toFixed(2)}`);
