// Development demo data: a past contest in the JOI 一次予選 style with a filled scoreboard (roster members who took
// part, the demo student among them), a personal-window 情報I practice running this week that the demo student can
// start, and a fixed-time contest next Saturday. Entrants other than the demo student get accounts without a
// password (nobody signs in as them), linked to roster members so the scoreboard shows their nicknames.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { exercises, users } from '../db/schema';
import { submissions } from '../judge/schema';
import { members } from '../membership/schema';
import { japanDate, japanDateTime } from '../../japan-time';
import { contestEntries, contestExercises, contests } from './schema';

const minute = 60_000;
const day = 24 * 60 * minute;

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * day).toISOString().slice(0, 10);
}

const plans = [
	{
		title: '11月の練習コンテスト（JOI 一次予選形式）',
		description: 'JOI 一次予選と同じく、入力を読んで答えを出力する問題です。90分で4問。まちがい1回につき5分のペナルティがあります。',
		slugs: ['fizzbuzz', 'digit-sum', 'leap-year', 'largest-of-three'],
		when: (today: string) => ({ startsAt: japanDateTime(addDays(today, -5), '14:00'), endsAt: japanDateTime(addDays(today, -5), '15:30') }),
		windowMinutes: null,
		beginner: false
	},
	{
		title: '情報I 練習コンテスト（DNCL）',
		description: '共通テスト「情報I」のプログラミング問題の練習です。期間中の好きなときに始めて、60分で3問。ビギナーモードなので、まちがえても大丈夫。',
		slugs: ['dncl-trace-variables', 'dncl-linear-search', 'dncl-vote-count'],
		when: (today: string) => ({ startsAt: japanDateTime(addDays(today, -1), '00:00'), endsAt: japanDateTime(addDays(today, 6), '23:59') }),
		windowMinutes: 60,
		beginner: true
	},
	{
		title: 'JOI 一次予選 直前練習',
		description: '本番と同じ時間割で解いてみよう。',
		slugs: ['bus-fare', 'coins-in-change', 'palindrome'],
		when: (today: string) => {
			const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
			const saturday = addDays(today, (6 - weekday + 7) % 7 || 7);
			return { startsAt: japanDateTime(saturday, '14:00'), endsAt: japanDateTime(saturday, '15:30') };
		},
		windowMinutes: null,
		beginner: false
	}
];

/** Minutes after the start of each entrant's AC per problem (null: unsolved) and wrong answers before it. */
const pastResults: Array<Array<[number | null, number]>> = [
	[
		[6, 0],
		[19, 1],
		[41, 0],
		[63, 2]
	],
	[
		[4, 0],
		[15, 0],
		[38, 1],
		[null, 3]
	],
	[
		[9, 1],
		[22, 0],
		[55, 0],
		[null, 0]
	],
	[
		[5, 0],
		[31, 2],
		[null, 1],
		[null, 0]
	],
	[
		[7, 0],
		[31, 0],
		[null, 0],
		[null, 0]
	],
	[
		[12, 0],
		[48, 1],
		[null, 2],
		[null, 0]
	],
	[
		[8, 3],
		[null, 2],
		[null, 0],
		[null, 0]
	],
	[
		[15, 0],
		[null, 0],
		[null, 0],
		[null, 0]
	],
	[
		[null, 2],
		[null, 0],
		[null, 0],
		[null, 0]
	],
	[
		[null, 0],
		[null, 0],
		[null, 0],
		[null, 0]
	]
];

export async function seedDemoContests(db: Database, options: { coordinatorEmail: string; studentEmail: string; now?: Date }): Promise<void> {
	const now = options.now ?? new Date();
	const today = japanDate(now);
	const people = await db
		.select({ id: users.id, email: users.email })
		.from(users)
		.where(inArray(users.email, [options.coordinatorEmail, options.studentEmail]));
	const coordinator = people.find((person) => person.email === options.coordinatorEmail)?.id ?? null;
	const student = people.find((person) => person.email === options.studentEmail)?.id;
	const slugs = plans.flatMap((plan) => plan.slugs);
	const found = await db.select({ id: exercises.id, slug: exercises.slug }).from(exercises).where(inArray(exercises.slug, slugs));
	const exerciseId = new Map(found.map((row) => [row.slug, row.id]));

	const created: string[] = [];
	for (const plan of plans) {
		const ids = plan.slugs.map((slug) => exerciseId.get(slug)).filter((id): id is string => Boolean(id));
		if (ids.length === 0) continue;
		const [contest] = await db
			.insert(contests)
			.values({
				...plan.when(today),
				title: plan.title,
				description: plan.description,
				windowMinutes: plan.windowMinutes,
				beginner: plan.beginner,
				createdBy: coordinator
			})
			.returning({ id: contests.id, startsAt: contests.startsAt });
		await db.insert(contestExercises).values(ids.map((id, position) => ({ contestId: contest!.id, exerciseId: id, position })));
		created.push(contest!.id);
		if (plan !== plans[0]) continue;

		// The past contest's entrants: roster members given an account, and the demo student third.
		const roster = await db
			.select({ id: members.id, nickname: members.nickname })
			.from(members)
			.where(and(isNull(members.userId), eq(members.status, 'active')))
			.orderBy(sql`${members.memberNumber} desc`)
			.limit(pastResults.length - 1);
		const entrants: string[] = [];
		for (const [index, member] of roster.entries()) {
			const [user] = await db
				.insert(users)
				.values({ email: `contest-${index + 1}@demo.itbu.jp`, displayName: member.nickname ?? '部員', emailVerifiedAt: now })
				.returning({ id: users.id });
			await db.update(members).set({ userId: user!.id }).where(eq(members.id, member.id));
			entrants.push(user!.id);
		}
		if (student) entrants.splice(2, 0, student);
		for (const [index, userId] of entrants.entries()) {
			await db.insert(contestEntries).values({ contestId: contest!.id, userId, startedAt: new Date(contest!.startsAt.getTime() - (index + 1) * day) });
			const results = pastResults[index] ?? [];
			for (const [position, [solvedAfter, wrong]] of results.entries()) {
				const exercise = ids[position];
				if (!exercise) continue;
				const last = solvedAfter ?? 80;
				const attempts = [
					...Array.from({ length: wrong }, (_, attempt) => ({ at: last - wrong + attempt, verdict: 'WA' as const })),
					...(solvedAfter === null ? [] : [{ at: solvedAfter, verdict: 'AC' as const }])
				];
				for (const attempt of attempts) {
					const at = new Date(contest!.startsAt.getTime() + attempt.at * minute);
					await db.insert(submissions).values({
						userId,
						exerciseId: exercise,
						language: 'python',
						source: '# コンテストでの提出\n',
						mode: 'submit',
						status: 'done',
						verdict: attempt.verdict,
						createdAt: at,
						finishedAt: at
					});
				}
			}
		}
	}
}
