// What one refresh of a club session's room costs (the mentors' live view, polled every 5 s by each open page):
// `npm run bench:room`. A session of 40 students and 5 exercises, each student with 250 earlier submissions over 50
// exercises, so that a scan of anyone's history would show. Runs on embedded PGlite, and also on PostgreSQL when
// TEST_DATABASE_URL is set. Prints figures; asserts nothing.
import { sql } from 'drizzle-orm';
import { createTestDatabase, type Backend } from '../src/lib/server/db/testing';
import { selectRows, type Database } from '../src/lib/server/db';
import { etagOf } from '../src/lib/server/caching';
import { addSessionExercise, rsvp, sessionRoom } from '../src/lib/server/club-sessions';
import { createExercises, createTestSession } from '../src/lib/server/club-sessions/testing';
import { createUser } from '../src/lib/server/testing/factories';
import { japanDateTime } from '../src/lib/japan-time';

const students = 40;
const history = 250;
const runs = 50;
const startsAt = japanDateTime('2031-05-10', '13:00');
const before = japanDateTime('2031-05-03', '12:00');
const now = new Date(startsAt.getTime() + 60 * 60_000);

async function seed(db: Database) {
	const sessionId = await createTestSession(db, { startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3_600_000), capacity: students }, before);
	const slugs = await createExercises(db, 50);
	const coordinator = await createUser(db, { roles: ['coordinator'] });
	const staff = { id: coordinator.id, roles: ['coordinator'] };
	for (const slug of slugs.slice(0, 5)) await addSessionExercise(db, staff, sessionId, slug, before);
	const people = [];
	for (let index = 0; index < students; index++) {
		const student = await createUser(db, { roles: ['student'] });
		await rsvp(db, sessionId, student.id, before);
		people.push(student.id);
	}
	// Each student's history: submits over the 50 exercises, the last ones during the session.
	await db.execute(sql`
		insert into submissions (user_id, exercise_id, language, source, mode, status, verdict, created_at, finished_at)
		select person, exercise.id, 'python', 'print(1)', case when n % 4 = 0 then 'run' else 'submit' end, 'done',
			(array['AC','WA','WA','RE','TLE'])[1 + (n * 7 + k) % 5],
			${now.toISOString()}::timestamptz - ((${history} - n) * interval '3 minutes'),
			${now.toISOString()}::timestamptz - ((${history} - n) * interval '3 minutes')
		from unnest(${sql.raw(`array[${people.map((id) => `'${id}'::uuid`).join(',')}]`)}) with ordinality as people (person, k)
		cross join generate_series(1, ${history}) as n
		join lateral (select id from exercises where slug = ${slugs[0]!.slice(0, slugs[0]!.lastIndexOf('-'))} || '-' || (1 + (n + k) % 50)) as exercise on true`);
	await db.execute(sql`analyze`);
	return { sessionId, staff };
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
	console.log(`  ${label.padEnd(40)} median ${median.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms`);
}

for (const backend of (process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']) as Backend[]) {
	const connection = await createTestDatabase(backend);
	const { db } = connection;
	const { sessionId, staff } = await seed(db);
	const [{ count } = { count: 0 }] = await selectRows<{ count: number }>(db, sql`select count(*)::int as count from submissions`);
	const result = await sessionRoom(db, staff, sessionId, now);
	if (!result.ok) throw new Error(result.problem);
	const body = JSON.stringify(result.room);
	console.log(`\n${backend}: ${students} students × 5 exercises, ${count} submissions in all, ${runs} runs each`);
	await time('room (6 queries)', () => sessionRoom(db, staff, sessionId, now));
	await time('room + JSON + ETag (one refresh)', async () => {
		const refreshed = await sessionRoom(db, staff, sessionId, now);
		if (refreshed.ok) etagOf(JSON.stringify(refreshed.room));
	});
	console.log(`  answer: 200 with ${body.length.toLocaleString('en')} bytes of JSON when it changed, 304 with no body otherwise`);
	await connection.close();
}
