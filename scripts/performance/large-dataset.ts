// A club grown to full size, for benchmarks and the EXPLAIN test: members who joined over four years (2023–2026),
// mentors, coordinators, exercises with cases, and a long history of submissions. Every row is generated inside the
// database with `insert … select … from generate_series(…)`, so it works the same on PGlite and Postgres and takes
// seconds per table rather than hours.
//
// Ids are derived from the row number (`md5('bench-student-42')::uuid`), so one table can point at another without
// a join, and the scripts can find "student 42" again without reading anything back.
// Each domain contributes seeders to `seeders`; one whose tables do not exist yet is skipped with a note.
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { selectRows, type Database, type DatabaseConnection } from '../../src/lib/server/db';
import { schools } from '../../src/lib/server/membership/schools';
import { topicIds } from '../../src/lib/server/exercises/topics';

export interface DatasetSizes {
	members: number;
	/** Members with a portal account (the others were imported from the paper roster). */
	accountShare: number;
	mentors: number;
	coordinators: number;
	exercises: number;
	casesPerExercise: number;
	submissions: number;
	/** Code review discussions, on seeded submits; about 2.5 comments each come with them. */
	reviewRequests: number;
}

export const fullSizes: DatasetSizes = {
	members: 10_000,
	accountShare: 0.9,
	mentors: 100,
	coordinators: 3,
	exercises: 300,
	casesPerExercise: 5,
	submissions: 1_000_000,
	reviewRequests: 2_000
};

/** Every seeded account has this password (real HTTP logins in `bench:session`). */
export const benchPassword = 'itbu-bench-2026';
export const benchEmailDomain = 'bench.itbu.jp';
export const datasetToday = '2026-11-30';
const firstDay = '2023-01-01';

export function studentEmail(index: number): string {
	return `student${index}@${benchEmailDomain}`;
}
export function coordinatorEmail(index: number): string {
	return `coordinator${index}@${benchEmailDomain}`;
}
export function exerciseSlug(index: number): string {
	return `bench-${String(index).padStart(4, '0')}`;
}
/** Student `index` (1-based) has an account when it is not a multiple of this: 1 in 10 were imported without one. */
function accountlessEvery(sizes: DatasetSizes): number {
	return Math.max(2, Math.round(1 / (1 - sizes.accountShare)));
}
function studentHasAccount(index: number, sizes: DatasetSizes): boolean {
	return index % accountlessEvery(sizes) !== 0;
}
// Withdrawn (every 17th) and alumni (every 5th): the same expressions decide it in the members seeder below.
function studentIsCurrent(index: number): boolean {
	return index % 17 !== 0 && index % 5 !== 0;
}
/** The first `count` students still in the club who have an account (those can log in and submit today). */
export function studentsWithAccounts(count: number, sizes: DatasetSizes): number[] {
	const found: number[] = [];
	for (let index = 1; found.length < count && index <= sizes.members; index++) {
		if (studentHasAccount(index, sizes) && studentIsCurrent(index)) found.push(index);
	}
	return found;
}

const uuidOf = (prefix: string, n: SQL) => sql`md5(${prefix} || ${n})::uuid`;

/** The id `uuidOf` gives `prefix` + `index`, without asking the database. */
function seededId(prefix: string, index: number): string {
	return createHash('md5')
		.update(`${prefix}${index}`)
		.digest('hex')
		.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

/** The id `uuidOf` gives group `index` (1-based): group 1 holds every student with an account. */
export function groupId(index: number): string {
	return seededId('bench-group-', index);
}

/** Class-sized groups besides the whole-club group 1 (each about a hundredth of the students). */
const classGroups = 100;

/** The id `uuidOf` gives mentor `index` (1-based). */
export function mentorId(index: number): string {
	return seededId('bench-mentor-', index);
}

/** The seeded contest with an entry for every current student with an account (its scoreboard is benchmarked). */
export const benchContestId = seededId('bench-contest-', 1);

export interface Seeder {
	/** What the timing line names, e.g. "submissions". */
	table: string;
	/** Tables that must exist; otherwise the seeder is skipped with `skipNote`. */
	requires: string[];
	skipNote?: string;
	run(db: Database, sizes: DatasetSizes, passwordHash: string, progress: (message: string) => void): Promise<void>;
}

// Joined somewhere in 2023-01-01 … today, more of them recently (the club grows): the square root of an even spread.
const joinedOn = (n: SQL) => sql`(${firstDay}::date + floor((${datasetToday}::date - ${firstDay}::date) * sqrt(((${n} * 7919) % 10007) / 10007.0))::int)`;

const membership: Seeder[] = [
	{
		table: 'users (students)',
		requires: ['users', 'user_roles'],
		async run(db, sizes, passwordHash) {
			const every = accountlessEvery(sizes);
			await db.execute(sql`
				insert into users (id, email, email_verified_at, password_hash, display_name, created_at, updated_at)
				select ${uuidOf('bench-student-', sql`n`)}, 'student' || n || '@' || ${benchEmailDomain},
					${joinedOn(sql`n`)}::timestamptz, ${passwordHash}, '部員' || n, ${joinedOn(sql`n`)}::timestamptz, ${joinedOn(sql`n`)}::timestamptz
				from generate_series(1, ${sizes.members}) as n where n % ${every} <> 0`);
			await db.execute(sql`
				insert into user_roles (user_id, role, granted_at)
				select ${uuidOf('bench-student-', sql`n`)}, 'student', ${joinedOn(sql`n`)}::timestamptz
				from generate_series(1, ${sizes.members}) as n where n % ${every} <> 0`);
		}
	},
	{
		table: 'members',
		requires: ['members'],
		async run(db, sizes) {
			const every = accountlessEvery(sizes);
			const schoolCodes = sql.raw(`array[${schools.map((school) => `'${school.code}'`).join(',')}]`);
			// ~6% withdrawn, ~19% alumni (left 2 to 25 months after joining), ~3% paused, the rest active.
			await db.execute(sql`
				insert into members (id, member_number, user_id, source, nickname, full_name, school_code, grade, grade_school_year,
					gender, guardian_name, guardian_email, joined_on, status, status_changed_on, created_at, updated_at)
				select ${uuidOf('bench-member-', sql`n`)},
					'KIB-' || extract(year from joined)::int || '-' || lpad((row_number() over (partition by extract(year from joined) order by n))::text, 4, '0'),
					case when n % ${every} <> 0 then ${uuidOf('bench-student-', sql`n`)} end,
					case when n % ${every} <> 0 then 'application' else 'import' end,
					'nick' || n, '部員 ' || n, (${schoolCodes})[1 + n % ${schools.length}],
					(array['jh1','jh2','jh3','hs1','hs2','hs3'])[1 + n % 6],
					case when extract(month from joined) >= 4 then extract(year from joined)::int else extract(year from joined)::int - 1 end,
					(array['female','male','other','unanswered'])[1 + n % 4],
					'保護者 ' || n, 'guardian' || n || '@' || ${benchEmailDomain},
					joined, status,
					case when status in ('alumni', 'withdrawn') then least(joined + 60 + n % 700, ${datasetToday}::date) else joined end,
					joined::timestamptz, joined::timestamptz
				from (
					select n, ${joinedOn(sql`n`)} as joined,
						case when n % 17 = 0 then 'withdrawn' when n % 5 = 0 then 'alumni' when n % 31 = 0 then 'paused' else 'active' end as status
					from generate_series(1, ${sizes.members}) as n
				) as generated`);
			// New approvals continue each year's numbering after the seeded members.
			await db.execute(sql`
				insert into member_number_counters (year, last_number)
				select substr(member_number, 5, 4)::int, max(substr(member_number, 10, 4)::int) from members group by 1
				on conflict (year) do update set last_number = greatest(member_number_counters.last_number, excluded.last_number)`);
		}
	},
	{
		table: 'users (mentors, coordinators)',
		requires: ['users', 'user_roles'],
		async run(db, sizes, passwordHash) {
			await db.execute(sql`
				insert into users (id, email, email_verified_at, password_hash, display_name, created_at)
				select ${uuidOf('bench-mentor-', sql`n`)}, 'mentor' || n || '@' || ${benchEmailDomain}, now(), ${passwordHash}, 'メンター' || n,
					${firstDay}::timestamptz + (n * 11) * interval '1 day'
				from generate_series(1, ${sizes.mentors}) as n`);
			await db.execute(sql`
				insert into user_roles (user_id, role) select ${uuidOf('bench-mentor-', sql`n`)}, 'mentor' from generate_series(1, ${sizes.mentors}) as n`);
			await db.execute(sql`
				insert into users (id, email, email_verified_at, password_hash, display_name)
				select ${uuidOf('bench-coordinator-', sql`n`)}, 'coordinator' || n || '@' || ${benchEmailDomain}, now(), ${passwordHash}, '事務局' || n
				from generate_series(1, ${sizes.coordinators}) as n`);
			await db.execute(sql`
				insert into user_roles (user_id, role) select ${uuidOf('bench-coordinator-', sql`n`)}, 'coordinator' from generate_series(1, ${sizes.coordinators}) as n`);
		}
	}
];

const authentication: Seeder[] = [
	{
		// Signed-in browsers: most current students and every mentor have a session from the last month.
		table: 'sessions',
		requires: ['sessions'],
		async run(db, sizes) {
			await db.execute(sql`
				insert into sessions (id, secret_hash, user_id, created_at, expires_at)
				select substr(md5('bench-session-' || n), 1, 24), decode(md5('bench-secret-' || n), 'hex'), ${uuidOf('bench-student-', sql`n`)},
					${datasetToday}::timestamptz - (n % 30) * interval '1 day', ${datasetToday}::timestamptz + (30 - n % 30) * interval '1 day'
				from generate_series(1, ${sizes.members}) as n
				where n % ${accountlessEvery(sizes)} <> 0 and n % 17 <> 0 and n % 5 <> 0`);
		}
	}
];

const mentoring: Seeder[] = [
	{
		table: 'mentors',
		requires: ['mentors'],
		async run(db, sizes) {
			await db.execute(sql`
				insert into mentors (user_id, organisation_other, affiliation, approved_at)
				select ${uuidOf('bench-mentor-', sql`n`)}, '協力団体 ' || (1 + n % 12),
					(array['faculty', 'university_student', 'company_engineer', 'other'])[1 + n % 4],
					${firstDay}::timestamptz + (n * 11) * interval '1 day'
				from generate_series(1, ${sizes.mentors}) as n`);
		}
	}
];

const judge: Seeder[] = [
	{
		table: 'exercises',
		requires: ['exercises', 'exercise_cases'],
		async run(db, sizes) {
			await db.execute(sql`
				insert into exercises (id, slug, title_ja, title_en, statement_ja, statement_en, published, created_at, updated_at)
				select ${uuidOf('bench-exercise-', sql`n`)}, 'bench-' || lpad(n::text, 4, '0'), '練習問題 ' || n, 'Exercise ' || n,
					'2つの整数 a, b が与えられます。a + b を出力してください。', 'Given two integers a and b, print a + b.',
					n % 20 <> 0, ${firstDay}::timestamptz + n * interval '4 days', ${firstDay}::timestamptz + n * interval '4 days'
				from generate_series(1, ${sizes.exercises}) as n`);
			await db.execute(sql`
				insert into exercise_cases (exercise_id, position, is_sample, input, expected_output)
				select ${uuidOf('bench-exercise-', sql`n`)}, position, position <= 2, position || ' ' || n || E'\n', (position + n) || E'\n'
				from generate_series(1, ${sizes.exercises}) as n, generate_series(1, ${sizes.casesPerExercise}) as position`);
		}
	},
	{
		table: 'exercises (catalog columns)',
		requires: ['exercise_drafts'],
		async run(db, sizes) {
			await db.execute(sql`
				update exercises set sort_order = substr(slug, 7)::int, difficulty = 1 + substr(slug, 7)::int % 5,
					topics = array[(${sql.raw(`array[${topicIds.map((id) => `'${id}'`).join(',')}]`)})[1 + (substr(slug, 7)::int * ${topicIds.length}) / (${sizes.exercises} + 1)]],
					starter = jsonb_build_object('python', E'a, b = map(int, input().split())\\n')
				where slug like 'bench-%'`);
		}
	},
	{
		// What students were writing when they last left an exercise: five exercises each, mostly Python.
		table: 'exercise_drafts',
		requires: ['exercise_drafts'],
		async run(db, sizes) {
			await db.execute(sql`
				insert into exercise_drafts (user_id, exercise_id, language, source, updated_at)
				select ${uuidOf('bench-student-', sql`n`)}, ${uuidOf('bench-exercise-', sql`(1 + (n * 13 + k * 31) % ${sizes.exercises})`)},
					case when k = 5 then 'javascript' else 'python' end, E'a, b = map(int, input().split())\n',
					${datasetToday}::timestamptz - ((n + k) % 400) * interval '1 day'
				from generate_series(1, ${sizes.members}) as n, generate_series(1, 5) as k
				where n % ${accountlessEvery(sizes)} <> 0
				on conflict do nothing`);
		}
	},
	{
		table: 'submissions',
		requires: ['submissions'],
		async run(db, sizes, _passwordHash, progress) {
			const chunk = 100_000;
			for (let from = 1; from <= sizes.submissions; from += chunk) {
				const to = Math.min(sizes.submissions, from + chunk - 1);
				await db.execute(insertSubmissions(sizes, from, to));
				progress(`${to.toLocaleString('en')} / ${sizes.submissions.toLocaleString('en')}`);
			}
		}
	}
];

// A submission's student, exercise, time and verdict all follow from its number. Students submit between joining
// and leaving, evenly over their membership, in the afternoon or evening (Japan time); more students lately means more
// submissions lately. About 2 in 3 are submits, the rest runs.
function insertSubmissions(sizes: DatasetSizes, from: number, to: number): SQL {
	const verdicts = sql.raw(
		`array[${[...Array(45).fill('AC'), ...Array(30).fill('WA'), ...Array(10).fill('RE'), ...Array(6).fill('TLE'), ...Array(6).fill('CE'), 'MLE', 'OLE', 'IE']
			.map((verdict) => `'${verdict}'`)
			.join(',')}]`
	);
	return sql`
		with students as (
			select row_number() over (order by member_number) as position, user_id, joined_on,
				case when status in ('active', 'paused') then ${datasetToday}::date else status_changed_on end as left_on
			from members where user_id is not null and member_number is not null
		), counted as (select count(*) as total from students),
		generated as (
			select s, students.user_id, students.joined_on, students.left_on, (${verdicts})[1 + (s * 37) % 100] as verdict,
				case when s % 3 = 0 then 'run' else 'submit' end as mode
			from generate_series(${from}::bigint, ${to}::bigint) as s cross join counted
			join students on students.position = 1 + ((s * 104729) % 1000003) % counted.total
		), timed as (
			select generated.*,
				((joined_on + floor((left_on - joined_on) * (((s * 6007) % 10009) / 10009.0))::int)::timestamp
					+ interval '15 hours' + ((s * 13) % 360) * interval '1 minute' + (s % 60) * interval '1 second') at time zone 'Asia/Tokyo' as created
			from generated
		)
		insert into submissions (user_id, exercise_id, language, source, mode, status, attempts, verdict, results, cases_done, cases_total,
			sandboxed, created_at, started_at, finished_at)
		select user_id, ${uuidOf('bench-exercise-', sql`(1 + (s * 7) % ${sizes.exercises})`)},
			case when s % 4 = 0 then 'javascript' else 'python' end,
			case when s % 4 = 0 then 'const [a, b] = require("fs").readFileSync(0, "utf8").split(" ").map(Number);\nconsole.log(a + b);\n'
				else E'a, b = map(int, input().split())\nprint(a + b)\n' end,
			mode, case when verdict = 'IE' then 'failed' else 'done' end, 1,
			case when mode = 'run' then null else verdict end,
			jsonb_build_object('cases', (
				select jsonb_agg(jsonb_build_object('verdict', case when position = 1 or verdict = 'AC' then 'AC' else verdict end,
					'timeMs', 20 + (s + position) % 80, 'stdout', E'3\n', 'stderr', ''))
				from generate_series(1, case when mode = 'run' then 2 else ${sizes.casesPerExercise} end) as position
				where verdict not in ('CE', 'IE')
			)),
			case when mode = 'run' then 2 else ${sizes.casesPerExercise} end,
			case when mode = 'run' then 2 else ${sizes.casesPerExercise} end,
			true, created, created + interval '300 milliseconds', created + interval '900 milliseconds'
		from timed`;
}

const lineCommentBodies = sql.raw(
	`array[${[
		'ここで入力を整数に変換できています。いいですね。',
		'変数名を `a`, `b` より意味の分かる名前にしてみましょう。',
		'この行は問題文の出力形式と合っているか、もう一度確かめてみましょう。'
	]
		.map((body) => `'${body}'`)
		.join(',')}]`
);

const reviews: Seeder[] = [
	{
		// Discussions on seeded submits, one per student and exercise (the migration allows one open), with one to three
		// iterations. Most are closed; the open ones are from the last ten days: about 15% waiting in the queue, a few
		// claimed by seeded mentors (a third of those claims lapsed), a few waiting on the student. Every reviewed
		// iteration has the mentor's review, a third a line comment, a fifth the student's reply: ~2.5 comments a request.
		table: 'reviews (requests, comments)',
		requires: ['review_requests', 'review_iterations', 'review_comments'],
		async run(db, sizes) {
			await db.transaction(async (tx) => {
				// Pairs submitted more than once come first: their submits become the iterations. A discussion with more
				// iterations than the student's submits gets earlier ones of its own (a wrong first try, WA).
				await tx.execute(sql`
					create temporary table bench_reviews on commit drop as
					with pairs as (
						select user_id, exercise_id, count(*)::int as submits
						from submissions where mode = 'submit' and status in ('done', 'failed')
						group by user_id, exercise_id
						order by count(*) >= 2 desc, md5(user_id::text || exercise_id::text)
						limit ${sizes.reviewRequests}
					), numbered as (
						select pairs.*, row_number() over (order by md5(user_id::text || exercise_id::text)) as r from pairs
					), shaped as (
						select numbered.*, (1 + r % 3)::int as iterations, least(submits, 1 + r % 3)::int as existing, (r * 37) % 100 as bucket,
							-- The portal allows three open discussions per student; one is plenty here.
							row_number() over (partition by user_id order by r) as of_student
						from numbered
					), chosen as (
						select shaped.*, of_student > 1 or bucket >= 24 as closed, iterations - existing as dedicated,
							latest.submission_ids, latest.submitted_at, latest.language, latest.first_verdict
						from shaped cross join lateral (
							select array_agg(id order by created_at) as submission_ids, array_agg(created_at order by created_at) as submitted_at,
								(array_agg(language order by created_at desc))[1] as language, (array_agg(verdict order by created_at))[1] as first_verdict
							from (
								select id, created_at, language, verdict from submissions
								where submissions.user_id = shaped.user_id and submissions.exercise_id = shaped.exercise_id
									and mode = 'submit' and status in ('done', 'failed')
								order by created_at desc limit shaped.existing
							) as latest_submits
						) as latest
					)
					select r, ${uuidOf('bench-review-', sql`r`)} as id, user_id, exercise_id, iterations, dedicated, language,
						case when dedicated > 0 then 'WA' else first_verdict end as first_verdict,
						array(select ${uuidOf('bench-review-submission-', sql`(r || '-' || j)`)} from generate_series(1, dedicated) as j order by j) || submission_ids
							as submission_ids,
						case when closed then 'closed' when bucket < 17 then 'waiting' when bucket < 20 then 'claimed' else 'answered' end as status,
						case when closed then case when bucket >= 92 then 'withdrawn' when bucket >= 82 then 'resolved' else 'approved' end end as closed_reason,
						${uuidOf('bench-mentor-', sql`(1 + (r * 7) % ${sizes.mentors})`)} as mentor_id,
						(1 + r % 3) * interval '6 hours' as review_delay,
						-- Closed discussions followed the submits (own earlier tries a day apart); open ones are recent, their latest
						-- iteration one to ten days old.
						case when closed then
							array(select submitted_at[1] - (dedicated - j + 1) * interval '1 day' + interval '10 minutes' from generate_series(1, dedicated) as j order by j)
								|| array(select at + interval '10 minutes' from unnest(submitted_at) with ordinality as t(at, k) order by k)
						else array(select ${datasetToday}::timestamptz - (24 + (r * 7919) % 216) * interval '1 hour' - (iterations - k) * interval '2 days'
							from generate_series(1, iterations) as k order by k) end as iteration_at
					from chosen`);
				await tx.execute(sql`
					insert into submissions (id, user_id, exercise_id, language, source, mode, status, attempts, verdict, results, cases_done, cases_total,
						sandboxed, created_at, started_at, finished_at)
					select submission_ids[j], bench_reviews.user_id, bench_reviews.exercise_id, model.language, replace(model.source, 'a + b', 'a - b'),
						'submit', 'done', 1, 'WA',
						jsonb_build_object('cases', (
							select jsonb_agg(jsonb_build_object('verdict', case when position = 1 then 'AC' else 'WA' end, 'timeMs', 30, 'stdout', E'1\n', 'stderr', ''))
							from generate_series(1, ${sizes.casesPerExercise}) as position
						)),
						${sizes.casesPerExercise}, ${sizes.casesPerExercise}, true,
						iteration_at[j] - interval '10 minutes', iteration_at[j] - interval '9 minutes', iteration_at[j] - interval '9 minutes'
					from bench_reviews join submissions as model on model.id = bench_reviews.submission_ids[bench_reviews.iterations],
						generate_series(1, dedicated) as j`);
				await tx.execute(sql`
					insert into review_requests (id, student_id, exercise_id, language, kind, question, status, mentor_id, claimed_at, touched_at,
						waiting_since, outcome, closed_reason, created_at, updated_at, closed_at)
					select id, user_id, exercise_id, language, kind,
						case when kind = 'help' then 'どこが間違っているのか分かりません。ヒントをください。' when r % 2 = 0 then 'もっと短く書く方法はありますか？' end,
						status, case when has_mentor then mentor_id end, case when has_mentor then latest_at + interval '30 minutes' end,
						case when status = 'claimed' then greatest(latest_at + interval '30 minutes', ${datasetToday}::timestamptz - (r % 72) * interval '1 hour')
							when has_mentor then reviewed_at end,
						latest_at,
						case when closed_reason = 'approved' then 'approved' when status = 'answered' or closed_reason = 'resolved' then 'changes_requested' end,
						closed_reason, iteration_at[1],
						case status when 'waiting' then latest_at
							when 'claimed' then greatest(latest_at + interval '30 minutes', ${datasetToday}::timestamptz - (r % 72) * interval '1 hour')
							when 'answered' then reviewed_at else closed_at end,
						closed_at
					from (
						select bench_reviews.*, iteration_at[iterations] as latest_at, iteration_at[iterations] + review_delay as reviewed_at,
							status in ('claimed', 'answered') or closed_reason in ('approved', 'resolved') as has_mentor,
							case when first_verdict <> 'AC' and r % 3 = 0 then 'help' else 'review' end as kind,
							case closed_reason when 'approved' then iteration_at[iterations] + review_delay
								when 'resolved' then iteration_at[iterations] + review_delay + interval '1 day'
								when 'withdrawn' then iteration_at[iterations] + interval '1 day' end as closed_at
						from bench_reviews
					) as timed`);
				await tx.execute(sql`
					insert into review_iterations (request_id, number, submission_id, created_at)
					select id, k, submission_ids[k], iteration_at[k] from bench_reviews, generate_series(1, iterations) as k`);
				// The mentor reviewed every iteration the student sent, except the latest of a waiting or claimed discussion.
				const reviewedIterations = sql`
					bench_reviews join review_iterations on review_iterations.request_id = bench_reviews.id
					join submissions on submissions.id = review_iterations.submission_id`;
				const wasReviewed = sql`((bench_reviews.status in ('answered', 'closed') and closed_reason is distinct from 'withdrawn') or review_iterations.number < iterations)`;
				const reviewedAt = sql`(review_iterations.created_at + review_delay)`;
				await tx.execute(sql`
					insert into review_comments (request_id, iteration_id, author_id, author_role, line, line_text, body, published_at, created_at)
					select bench_reviews.id, review_iterations.id, mentor_id, 'mentor', line, split_part(submissions.source, E'\n', line),
						(${lineCommentBodies})[1 + (r + line) % 3], ${reviewedAt}, ${reviewedAt} - interval '10 minutes'
					from ${reviewedIterations}, (values (1), (2)) as lines (line)
					where ${wasReviewed} and line = 1 + (r + review_iterations.number) % 2 and (r + review_iterations.number) % 3 = 0`);
				await tx.execute(sql`
					insert into review_comments (request_id, iteration_id, author_id, author_role, body, outcome, published_at, created_at)
					select bench_reviews.id, review_iterations.id, mentor_id, 'mentor',
						case when closed_reason = 'approved' and review_iterations.number = iterations then 'よくできました！読みやすいコードです。'
							else '動きはおおむね合っています。気になったところにコメントしたので、直してもう一度送ってください。' end,
						case when closed_reason = 'approved' and review_iterations.number = iterations then 'approved' else 'changes_requested' end,
						${reviewedAt}, ${reviewedAt}
					from ${reviewedIterations} where ${wasReviewed}`);
				await tx.execute(sql`
					insert into review_comments (request_id, iteration_id, author_id, author_role, body, published_at, created_at)
					select bench_reviews.id, review_iterations.id, bench_reviews.user_id, 'student', 'ありがとうございます。直してみます。',
						${reviewedAt} + interval '2 hours', ${reviewedAt} + interval '2 hours'
					from ${reviewedIterations} where ${wasReviewed} and (r + review_iterations.number) % 5 = 0`);
				// A claim in progress: the mentor's unposted line comment on the latest iteration.
				await tx.execute(sql`
					insert into review_comments (request_id, iteration_id, author_id, author_role, line, line_text, body, created_at)
					select bench_reviews.id, review_iterations.id, mentor_id, 'mentor', 1, split_part(submissions.source, E'\n', 1),
						(${lineCommentBodies})[1 + r % 3], review_iterations.created_at + interval '1 hour'
					from bench_reviews join review_iterations on review_iterations.request_id = bench_reviews.id and review_iterations.number = iterations
					join submissions on submissions.id = review_iterations.submission_id
					where bench_reviews.status = 'claimed'`);
			});
		}
	}
];

const grouping: Seeder[] = [
	{
		// Group 1 is the whole club (every student with an account, 9,000 at full size), the page `bench:web` loads;
		// groups 2–101 are classes of about ninety. Mentor 1 is assigned to group 1, each mentor to one class. Every
		// group has a join code (the hash of a text no one types).
		table: 'groups (members, mentors, codes)',
		requires: ['groups', 'group_members', 'group_mentors', 'group_join_codes'],
		async run(db, sizes) {
			const groupCount = 1 + classGroups;
			await db.execute(sql`
				insert into groups (id, name, description, created_by, created_at, updated_at)
				select ${uuidOf('bench-group-', sql`g`)}, case when g = 1 then '金沢IT部活 全員' else 'クラス ' || (g - 1) end, null,
					${uuidOf('bench-coordinator-', sql`1`)}, ${firstDay}::timestamptz + g * interval '1 day', ${firstDay}::timestamptz + g * interval '1 day'
				from generate_series(1, ${groupCount}) as g`);
			await db.execute(sql`
				insert into group_members (group_id, user_id, joined_at, added_by)
				select ${uuidOf('bench-group-', sql`1`)}, ${uuidOf('bench-student-', sql`n`)}, ${joinedOn(sql`n`)}::timestamptz, null
				from generate_series(1, ${sizes.members}) as n where n % ${accountlessEvery(sizes)} <> 0
				union all
				select ${uuidOf('bench-group-', sql`(2 + n % ${classGroups})`)}, ${uuidOf('bench-student-', sql`n`)}, ${joinedOn(sql`n`)}::timestamptz,
					${uuidOf('bench-coordinator-', sql`1`)}
				from generate_series(1, ${sizes.members}) as n where n % ${accountlessEvery(sizes)} <> 0`);
			await db.execute(sql`
				insert into group_mentors (group_id, user_id, assigned_at, assigned_by)
				select ${uuidOf('bench-group-', sql`1`)}, ${uuidOf('bench-mentor-', sql`1`)}, ${datasetToday}::timestamptz, ${uuidOf('bench-coordinator-', sql`1`)}
				union all
				select ${uuidOf('bench-group-', sql`(2 + n % ${classGroups})`)}, ${uuidOf('bench-mentor-', sql`n`)}, ${datasetToday}::timestamptz,
					${uuidOf('bench-coordinator-', sql`1`)}
				from generate_series(1, ${sizes.mentors}) as n`);
			await db.execute(sql`
				insert into group_join_codes (group_id, code_hash, expires_at, created_by, created_at)
				select ${uuidOf('bench-group-', sql`g`)}, sha256(convert_to('bench-code-' || g, 'UTF8')), ${datasetToday}::timestamptz + interval '14 days',
					${uuidOf('bench-coordinator-', sql`1`)}, ${datasetToday}::timestamptz
				from generate_series(1, ${groupCount}) as g`);
		}
	}
];

// The way in: ref codes and their daily visits, a trial session a month with bookings (about 7 in 10 come), and an
// application behind every member who joined through one (the accounts), half of them after a trial, plus the
// applications that did not end in a member (declined, rejected, withdrawn, still open). Channels cycle through the
// vocabulary; the funnel page reads all of it.
const funnel: Seeder[] = [
	{
		table: 'referral codes, visits, trial bookings, applications',
		requires: ['referral_codes', 'referral_visits', 'trial_bookings', 'member_applications'],
		async run(db, sizes) {
			const channelList = sql.raw(`array['teacher','friend','family','flyer','koho_kanazawa','event','web','other']`);
			const schoolCodes = sql.raw(`array[${schools.map((school) => `'${school.code}'`).join(',')}]`);
			await db.execute(sql`
				insert into referral_codes (id, code, name, channel, created_at)
				select ${uuidOf('bench-code-', sql`n`)}, 'bench-code-' || n, '紹介コード ' || n, (${channelList})[1 + n % 8], ${firstDay}::timestamptz
				from generate_series(1, 40) as n`);
			await db.execute(sql`
				insert into referral_visits (code_id, day, visits)
				select ${uuidOf('bench-code-', sql`code`)}, day::date, 1 + (code * 7 + extract(doy from day)::int) % 9
				from generate_series(1, 40) as code, generate_series(${firstDay}::date, ${datasetToday}::date, interval '3 days') as day`);
			await db.execute(sql`
				insert into club_sessions (id, title, starts_at, ends_at, venue, capacity, kind)
				select ${uuidOf('bench-trial-', sql`n`)}, '体験会', ${firstDay}::timestamptz + (n * interval '1 month') + interval '12 days',
					${firstDay}::timestamptz + (n * interval '1 month') + interval '12 days 2 hours', '金沢未来のまち創造館', 400, 'trial'
				from generate_series(0, 47) as n`);
			// Bookings: one per member who joined through an application (index n), made 3 weeks before joining.
			const every = accountlessEvery(sizes);
			await db.execute(sql`
				insert into trial_bookings (id, session_id, status, nickname, grade, school_code, guardian_email, channel, ref_code_id, token_hash,
					queued_at, created_at, attended_at)
				select ${uuidOf('bench-booking-', sql`n`)},
					${uuidOf('bench-trial-', sql`least(47, greatest(0, ((extract(year from booked) - 2023) * 12 + extract(month from booked) - 1)::int))`)},
					case when n % 9 = 0 then 'cancelled' else 'booked' end, 'nick' || n, 'jh1', (${schoolCodes})[1 + n % ${schools.length}],
					'guardian' || n || '@' || ${benchEmailDomain}, case when n % 3 = 0 then null else (${channelList})[1 + n % 8] end,
					case when n % 2 = 0 then ${uuidOf('bench-code-', sql`1 + n % 40`)} end, decode(md5('bench-booking-' || n), 'hex'),
					booked::timestamptz, booked::timestamptz, case when n % 10 < 7 then booked::timestamptz + interval '7 days' end
				from (select n, ${joinedOn(sql`n`)} - 21 as booked from generate_series(1, ${sizes.members}) as n) as bookings
				where n % ${every} <> 0 and n % 2 = 0`);
			await db.execute(sql`
				insert into member_applications (id, user_id, status, nickname, full_name, school_code, grade, gender, guardian_name, guardian_email,
					statement_version, created_at, consent_decided_at, reviewed_at, channel, ref_code_id, trial_booking_id)
				select ${uuidOf('bench-application-', sql`n`)}, ${uuidOf('bench-student-', sql`n`)}, 'approved', 'nick' || n, '部員 ' || n,
					(${schoolCodes})[1 + n % ${schools.length}], 'jh1', 'unanswered', '保護者 ' || n, 'guardian' || n || '@' || ${benchEmailDomain}, '2026-11',
					joined::timestamptz - interval '9 days', joined::timestamptz - interval '7 days', joined::timestamptz,
					(${channelList})[1 + n % 8], case when n % 2 = 0 then ${uuidOf('bench-code-', sql`1 + n % 40`)} end,
					case when n % 2 = 0 and n % 10 < 7 then ${uuidOf('bench-booking-', sql`n`)} end
				from (select n, ${joinedOn(sql`n`)} as joined from generate_series(1, ${sizes.members}) as n) as approved
				where n % ${every} <> 0`);
			await db.execute(sql`
				update members set application_id = applications.id
				from member_applications as applications where applications.user_id = members.user_id and members.source = 'application'`);
			// Applications that did not end in a member: a third as many again, without accounts of their own any more.
			await db.execute(sql`
				insert into member_applications (status, nickname, full_name, school_code, grade, gender, guardian_name, guardian_email,
					statement_version, created_at, consent_decided_at, reviewed_at, rejection_reason, channel)
				select (array['consent_declined','rejected','cancelled','awaiting_consent','awaiting_review'])[1 + n % 5], 'nick' || n, '申込 ' || n,
					(${schoolCodes})[1 + n % ${schools.length}], 'jh1', 'unanswered', '保護者 ' || n, 'applicant' || n || '@' || ${benchEmailDomain}, '2026-11',
					sent::timestamptz, case when n % 5 in (0, 1, 2, 4) then sent::timestamptz + interval '2 days' end,
					case when n % 5 = 1 then sent::timestamptz + interval '9 days' end, case when n % 5 = 1 then '定員のため' end, (${channelList})[1 + n % 8]
				from (select n, ${joinedOn(sql`n`)} - 9 as sent from generate_series(1, ${Math.round(sizes.members / 3)}) as n) as declined`);
		}
	}
];

/** The seeders of every domain, in dependency order. A new domain appends its own list here. */
// A practice contest the week before the dataset's today, in the JOI style (fixed window, 5-minute penalty), entered
// by every current student with an account (about 6,800 of 10,000), each having tried some of its five problems:
// the scoreboard at full size. Its submits are extra rows on top of `sizes.submissions`.
const contestStart = sql`'2026-11-28 14:00:00+09'::timestamptz`;
const contests: Seeder[] = [
	{
		table: 'contests (entries, submits)',
		requires: ['contests', 'contest_exercises', 'contest_entries'],
		async run(db) {
			const contestId = sql`${benchContestId}::uuid`;
			await db.execute(sql`
				insert into contests (id, title, description, starts_at, ends_at, window_minutes, beginner, penalty_minutes, created_at, updated_at)
				values (${contestId}, '11月の練習コンテスト', 'JOI 一次予選形式', ${contestStart}, ${contestStart} + interval '3 hours', null, false, 5,
					${contestStart} - interval '14 days', ${contestStart} - interval '14 days')`);
			await db.execute(sql`
				insert into contest_exercises (contest_id, exercise_id, position)
				select ${contestId}, ${uuidOf('bench-exercise-', sql`(11 + position)`)}, position from generate_series(0, 4) as position`);
			await db.execute(sql`
				insert into contest_entries (contest_id, user_id, started_at)
				select ${contestId}, member.user_id, ${contestStart} - ((hashtext(member.user_id::text) & 1023) * interval '1 minute')
				from members member where member.user_id is not null and member.status in ('active', 'paused')`);
			// Per entrant and problem: A tried by 7 in 10, fewer for the later ones, at most one wrong answer first, solved
			// four times in five, somewhere in the three hours (about 2.4 submits per entrant: each one runs the progress and
			// badge triggers, which the EXPLAIN test's seed has to fit in its time).
			await db.execute(sql`
				insert into submissions (user_id, exercise_id, language, source, mode, status, attempts, verdict, cases_done, cases_total, sandboxed,
					created_at, started_at, finished_at)
				select entry.user_id, problem.exercise_id, 'python', E'a, b = map(int, input().split())\nprint(a + b)\n', 'submit', 'done', 1,
					case when attempt < hashed.h % 2 or (hashed.h / 7) % 5 = 0 then 'WA' else 'AC' end, 5, 5, true, timed.at, timed.at, timed.at
				from contest_entries entry
				join contest_exercises problem on problem.contest_id = entry.contest_id
				cross join lateral (select hashtext(entry.user_id::text || problem.position) & 2147483647 as h) hashed
				cross join lateral generate_series(0, hashed.h % 2) as attempt
				cross join lateral (select ${contestStart} + (((hashed.h / 11) % 170) + attempt * 3) * interval '1 minute'
					+ (hashed.h % 60) * interval '1 second' as at) timed
				where entry.contest_id = ${contestId} and hashed.h % 10 < 7 - problem.position * 2`);
		}
	}
];

export const seeders: Seeder[] = [...membership, ...authentication, ...mentoring, ...judge, ...reviews, ...grouping, ...contests, ...funnel];

export async function tableExists(db: Database, table: string): Promise<boolean> {
	const [row] = await selectRows<{ exists: boolean }>(db, sql`select to_regclass(${`public.${table}`}) is not null as exists`);
	return Boolean(row?.exists);
}

export async function countUsers(db: Database): Promise<number> {
	const [row] = await selectRows<{ count: number }>(db, sql`select count(*)::int as count from users`);
	return Number(row?.count ?? 0);
}

/**
 * Starts the database over: drops the portal's schema and forgets the applied migrations, so that `migrate` then
 * rebuilds everything, including the rows migrations insert themselves (membership_target).
 */
export async function dropPortalSchema(connection: DatabaseConnection): Promise<void> {
	await connection.scriptTransaction(async (transaction) => {
		await transaction.exec(`drop schema public cascade;
			create schema public;
			drop table if exists supabase_migrations.schema_migrations;`);
	});
}

export interface SeedStep {
	table: string;
	milliseconds?: number;
	rows?: number;
	skipped?: string;
}

export async function seedLargeDataset(
	db: Database,
	sizes: DatasetSizes,
	passwordHash: string,
	report: (step: SeedStep) => void = () => {},
	progress: (message: string) => void = () => {}
): Promise<SeedStep[]> {
	const steps: SeedStep[] = [];
	for (const seeder of seeders) {
		const missing: string[] = [];
		for (const table of seeder.requires) if (!(await tableExists(db, table))) missing.push(table);
		let step: SeedStep;
		if (missing.length) {
			step = { table: seeder.table, skipped: seeder.skipNote ?? `no table ${missing.join(', ')} yet` };
		} else {
			const start = performance.now();
			await seeder.run(db, sizes, passwordHash, progress);
			step = { table: seeder.table, milliseconds: performance.now() - start };
		}
		steps.push(step);
		report(step);
	}
	// A bulk-loaded table has no visibility map until it is vacuumed, which autovacuum does in production: without it
	// every index-only scan would visit the table and the figures would be worse than a real database's.
	const start = performance.now();
	await db.execute(sql`vacuum (analyze)`);
	const analyzed = { table: 'vacuum (analyze)', milliseconds: performance.now() - start };
	steps.push(analyzed);
	report(analyzed);
	return steps;
}
