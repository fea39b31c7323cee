// Measures the dashboard's aggregate queries on a roster of 10,000 members: `npx tsx scripts/bench-dashboard.ts`.
// Runs on embedded PGlite, and also on PostgreSQL when TEST_DATABASE_URL is set. Prints figures; asserts nothing.
import { sql } from 'drizzle-orm';
import { createTestDatabase, type Backend } from '../src/lib/server/db/testing';
import type { Database } from '../src/lib/server/db';
import {
	activityByWeek,
	currentMembersByGender,
	currentMembersByGrade,
	currentMembersBySchool,
	membersByMonth,
	membersByStatus
} from '../src/lib/server/dashboard/aggregates';
import { buildReport } from '../src/lib/server/dashboard/report';
import { listMembers } from '../src/lib/server/membership/members';
import { schools } from '../src/lib/server/membership/schools';

const memberCount = Number(process.env.BENCH_MEMBERS ?? 10_000);
const today = '2026-11-30';
const runs = 20;

async function seed(db: Database) {
	// Joined evenly from 2016 to today; ~10% alumni, ~5% withdrawn, ~3% paused.
	await db.execute(sql`
		insert into members (member_number, source, nickname, full_name, school_code, grade, grade_school_year, gender, joined_on, status, status_changed_on)
		select 'KIB-' || extract(year from joined)::int || '-' || lpad((row_number() over (partition by extract(year from joined) order by n))::text, 4, '0'),
			'import', 'nick' || n, '部員 ' || n,
			(${sql.raw(`array[${schools.map((school) => `'${school.code}'`).join(',')}]`)})[1 + n % ${schools.length}],
			(array['jh1','jh2','jh3','hs1','hs2','hs3'])[1 + n % 6], extract(year from joined)::int,
			(array['female','male','other','unanswered'])[1 + n % 4],
			joined,
			case when n % 10 = 0 then 'alumni' when n % 20 = 1 then 'withdrawn' when n % 33 = 2 then 'paused' else 'active' end,
			joined
		from (select n, date '2016-01-01' + ((n * 3943) % (${today}::date - date '2016-01-01')) as joined
			from generate_series(1, ${memberCount}) as n) as generated`);
	await db.execute(sql`analyze members`);
}

async function time(label: string, work: () => Promise<unknown>) {
	await work();
	const samples: number[] = [];
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		await work();
		samples.push(performance.now() - start);
	}
	samples.sort((a, b) => a - b);
	const median = samples[Math.floor(samples.length / 2)]!;
	const p95 = samples[Math.floor(samples.length * 0.95)]!;
	console.log(`  ${label.padEnd(34)} median ${median.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms`);
}

for (const backend of (process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']) as Backend[]) {
	const connection = await createTestDatabase(backend);
	const { db } = connection;
	await seed(db);
	console.log(`\n${backend}: ${memberCount} members, ${runs} runs each`);
	await time('members by month (cumulative)', () => membersByMonth(db, today));
	await time('members by status', () => membersByStatus(db));
	await time('current members by school', () => currentMembersBySchool(db));
	await time('current members by grade', () => currentMembersByGrade(db, today));
	await time('current members by gender', () => currentMembersByGender(db));
	await time('activity by week', () => activityByWeek(db, today));
	await time('whole dashboard report', () => buildReport(db, new Date(`${today}T03:00:00Z`)));
	await time('member list, search + filter', () => listMembers(db, { search: '部員 12', status: 'active' }, { limit: 100 }, today));
	await connection.close();
}
