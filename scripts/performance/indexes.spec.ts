// Every query behind the pages that `npm run bench:web` loads, and behind the review queue and backlog, reads large
// tables through an index. Checked on a seeded club (3,000 members, 60,000 submissions, 2,000 review discussions) by
// recording the SQL the domain functions issue and asking Postgres for each statement's plan (EXPLAIN, with the
// statement's own parameters), never by reading the code.
//
// Runs on PGlite and on PostgreSQL: PGlite is PostgreSQL's own planner compiled to WebAssembly, and on this data both
// choose the same plans; a difference would be worth knowing about, so both are checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testBackends } from '../../src/lib/server/db/testing';
import { selectRows, type DatabaseConnection } from '../../src/lib/server/db';
import { hashPassword } from '../../src/lib/server/auth/password';
import { benchPassword, fullSizes, seedLargeDataset, type DatasetSizes } from './large-dataset';
import { createBenchmarkSessions, type BenchmarkPeople } from './logins';
import { pagesUnderLoad } from './pages';
import { createQueryCapture, describePlan, explainQuery, sequentialScans } from './query-plans';

const sizes: DatasetSizes = { ...fullSizes, members: 3_000, submissions: 60_000 };

/** Tables that grow with the club, whatever their size in this seed. */
const alwaysLarge = ['users', 'members', 'submissions', 'sessions'];
const largeFrom = 1_000;

/**
 * Sequential scans that are right, each with the reason. A statement matches when its SQL contains `statement`.
 */
const exemptions = [
	// The funnel (dashboard/funnel.ts) adds up every application, trial booking and visit ever recorded, per month and
	// split, and probes each approved member's activity: whole-table aggregates by design, read once per change or
	// minute and shared by every coordinator (funnel-report.ts), never per page view.
	...[
		{ statement: 'from member_applications as applications', tables: ['member_applications', 'members', 'session_participants', 'submit_days'] },
		{ statement: 'from trial_bookings as bookings', tables: ['trial_bookings', 'member_applications'] },
		{ statement: 'from referral_visits as visits', tables: ['referral_visits'] },
		{ statement: "where members.source = 'application'", tables: ['members', 'session_participants', 'submit_days'] }
	].flatMap(({ statement, tables }) => tables.map((table) => ({ table, statement, reason: 'the funnel’s shared whole-table aggregates' }))),
	{
		table: 'user_roles',
		statement: "user_roles.role = 'student'",
		// Weekly activity keeps only students' submissions: it needs every student's id once, as a hash. Nearly every
		// row of user_roles is a student's, so reading the table (one narrow row per person and role) is the cheapest
		// way; an index on (role, user_id) exists and the planner rightly prefers the table.
		reason: 'weekly activity hashes every student id'
	},
	// Nickname and grade of the students on a page of the review queue (up to 50, mentoring/profiles.ts). With this
	// seed's 3,000 members the planner reads the two tables whole, which it estimates cheaper than 50 lookups; on
	// seed:large's 10,000 it looks them up through users_pkey and members_user_id_key (EXPLAIN ANALYZE, both checked).
	...['users', 'members'].map((table) => ({
		table,
		statement: 'left join "members" on "members"."user_id" = "users"."id" where "users"."id" in',
		reason: 'a page of students at this seed size'
	})),
	// A contest's scoreboard reads every entry of the contest, and the seed's one contest holds every entry: its entries
	// are the whole table (with more contests, the primary key (contest_id, user_id) finds them; checked by hand).
	...['from contest_entries entry', 'from "contest_entries" where "contest_entries"."contest_id" in'].map((statement) => ({
		table: 'contest_entries',
		statement,
		reason: 'every entry of the seed’s only contest'
	})),
	{
		table: 'members',
		statement: 'left join members member on member.user_id = entry.user_id',
		// The scoreboard's nicknames: 7 in 10 members entered the seeded contest, so hashing the table beats 2,000
		// lookups; computed once per few seconds per server and shared (contests/scoreboard.ts).
		reason: 'the nicknames of most members'
	},
	{
		table: 'users',
		statement: 'count(*)::int, max("review_comments"."published_at") from "review_comments" inner join "users"',
		// Reviews per mentor (coordinators' page) joins every posted review to its author's name. The planner cannot
		// tell that only a hundred people post reviews, so it hashes the users table, at seed:large's size too (10,000
		// rows, about 3 ms of the query's 6); counting per author before the join does not change its mind (measured).
		reason: 'reviews per mentor hash the authors'
	},
	// A group's figures per exercise (groups/progress.ts) count every member's progress rows: for the whole club as one
	// group that is most of exercise_progress, which the planner rightly reads whole. They are computed once a minute
	// per server and group and shared by every view meanwhile (caching/shared.ts), not per request.
	...['exercise_progress', 'group_members'].map((table) => ({
		table,
		statement: 'from "group_members" inner join "exercise_progress" on "exercise_progress"."user_id" = "group_members"."user_id"',
		reason: 'a group’s figures per exercise, once a minute'
	}))
];

for (const backend of testBackends()) {
	describe(`the queries behind the pages use indexes [${backend}]`, () => {
		const capture = createQueryCapture();
		let connection: DatabaseConnection;
		let people: BenchmarkPeople;
		let largeTables: Set<string>;

		beforeAll(async () => {
			connection = await createTestDatabase(backend, { logQuery: capture.logQuery });
			await seedLargeDataset(connection.db, sizes, await hashPassword(benchPassword));
			people = await createBenchmarkSessions(connection.db, sizes);
			const tables = await selectRows<{ name: string; rows: number }>(
				connection.db,
				sql`select relname as name, n_live_tup::int as rows from pg_stat_user_tables where schemaname = 'public'`
			);
			largeTables = new Set([...alwaysLarge, ...tables.filter((table) => Number(table.rows) > largeFrom).map((table) => table.name)]);
		}, 180_000);

		afterAll(async () => {
			await connection?.close();
		});

		it('seeds a club large enough to matter', () => {
			expect([...largeTables]).toEqual(
				expect.arrayContaining([
					'users',
					'members',
					'submissions',
					'sessions',
					'user_roles',
					'exercise_drafts',
					'review_requests',
					'review_iterations',
					'review_comments',
					'contest_entries'
				])
			);
		});

		// The triggers that keep each person's progress (20261208100000_exercise_progress.sql) and award badges
		// (20261210300000_badges.sql) run inside every write of a submission or its verdict. Their statements are read back from the database's own copy of the functions and
		// planned with one person's values in place of the functions' parameters.
		it('writing a verdict: the progress triggers’ statements read no large table whole', async () => {
			const [submission] = await selectRows<{ user_id: string; exercise_id: string; created_at: string }>(
				connection.db,
				sql`select user_id, exercise_id, created_at::text from submissions where user_id = ${people.student.id} limit 1`
			);
			const values: Record<string, string> = {
				user_ids: `array['${submission!.user_id}']::uuid[]`,
				exercise_ids: `array['${submission!.exercise_id}']::uuid[]`,
				created_ats: `array['${submission!.created_at}']::timestamptz[]`,
				change: '-1',
				people: `array['${submission!.user_id}']::uuid[]`
			};
			const functions = await selectRows<{ name: string; source: string }>(
				connection.db,
				sql`select proname as name, prosrc as source from pg_proc where proname in ('refresh_exercise_progress', 'count_submit_days', 'award_badges')`
			);
			expect(functions.map((found) => found.name).sort()).toEqual(['award_badges', 'count_submit_days', 'refresh_exercise_progress']);
			const problems: string[] = [];
			let planned = 0;
			for (const { source } of functions) {
				const body = source.replace(/^\s*begin\b/i, '').replace(/\bend;\s*$/i, '');
				for (const statement of body
					.split(';')
					.map((part) => part.trim())
					.filter(Boolean)) {
					const query = statement.replace(/^perform\b/i, 'select').replace(/\b(user_ids|exercise_ids|created_ats|change|people)\b/g, (name) => values[name]!);
					const plan = await explainQuery(connection.db, { query, params: [] });
					planned++;
					const scanned = sequentialScans(plan).filter((table) => largeTables.has(table));
					if (scanned.length) problems.push(`${scanned.join(', ')} in:\n${query}\n${describePlan(plan)}`);
				}
			}
			expect(planned).toBeGreaterThanOrEqual(13);
			expect(problems).toEqual([]);
		});

		for (const page of pagesUnderLoad) {
			it(`${page.page}: no sequential scan of a large table`, async () => {
				const statements = await capture.during(() => page.run(connection.db, people));
				expect(statements.length).toBeGreaterThan(0);
				const problems: string[] = [];
				for (const statement of statements) {
					const plan = await explainQuery(connection.db, statement);
					const scanned = sequentialScans(plan).filter(
						(table) => largeTables.has(table) && !exemptions.some((exemption) => exemption.table === table && statement.query.includes(exemption.statement))
					);
					if (scanned.length) problems.push(`${scanned.join(', ')} in:\n${statement.query}\n${describePlan(plan)}`);
				}
				expect(problems).toEqual([]);
			});
		}
	});
}
