// Development demo data: the next Saturdays' sessions at 金沢未来のまち創造館 (one online evening), a past session
// with attendance for the dashboard, the demo student and mentor signed up for the next one, and a session today
// with its exercises (今日の問題), the demo student and mentor checked in and a few more students at work on them.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import * as auth from '../auth';
import { exercises, users } from '../db/schema';
import { submissions } from '../judge/schema';
import { members } from '../membership/schema';
import type { SubmissionVerdict } from '../../judge/verdicts';
import { japanDate } from '../../japan-time';
import { japanDateTime } from '../../japan-time';
import { clubSessions, clubSessionParticipants, sessionExercises } from './schema';

const venue = '金沢未来のまち創造館';

/** 'YYYY-MM-DD' of the Japan date `days` after `date`. */
function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function seedDemoSessions(
	db: Database,
	options: { coordinatorEmail: string; mentorEmail: string; studentEmail: string; now?: Date }
): Promise<void> {
	const now = options.now ?? new Date();
	const today = japanDate(now);
	const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
	const nextSaturday = addDays(today, (6 - weekday + 7) % 7 || 7);
	const people = await db
		.select({ id: users.id, email: users.email })
		.from(users)
		.where(inArray(users.email, [options.coordinatorEmail, options.mentorEmail, options.studentEmail]));
	const idOf = (email: string) => people.find((person) => person.email === email)?.id;
	const coordinator = idOf(options.coordinatorEmail) ?? null;
	const plans = [
		{ date: addDays(nextSaturday, -14), title: '金沢IT部活 活動日（Python入門）', online: false },
		{ date: nextSaturday, title: '金沢IT部活 活動日', online: false },
		{ date: addDays(nextSaturday, 4), title: 'オンライン もくもく会', online: true },
		{ date: addDays(nextSaturday, 7), title: '金沢IT部活 活動日（ゲームを作ろう）', online: false },
		{ date: addDays(nextSaturday, 14), title: '金沢IT部活 活動日', online: false }
	];
	const created = await db
		.insert(clubSessions)
		.values(
			plans.map((plan) => ({
				title: plan.title,
				startsAt: japanDateTime(plan.date, plan.online ? '19:00' : '13:00'),
				endsAt: japanDateTime(plan.date, plan.online ? '20:30' : '16:00'),
				venue: plan.online ? null : venue,
				onlineUrl: plan.online ? 'https://meet.example.jp/itbu-mokumoku' : null,
				capacity: plan.online ? 30 : 20,
				mentorsNeeded: plan.online ? 1 : 3,
				notes: plan.online ? null : 'ノートパソコンを持っている人は持ってきてください。貸し出し用もあります。',
				createdBy: coordinator
			}))
		)
		.returning({ id: clubSessions.id, startsAt: clubSessions.startsAt });
	const [past, next] = created;
	const student = idOf(options.studentEmail);
	const mentor = idOf(options.mentorEmail);
	const signUps = [
		...(student
			? [
					{ sessionId: past!.id, userId: student, role: 'student' as const, checkedIn: true },
					{ sessionId: next!.id, userId: student, role: 'student' as const, checkedIn: false }
				]
			: []),
		...(mentor
			? [
					{ sessionId: past!.id, userId: mentor, role: 'mentor' as const, checkedIn: true },
					{ sessionId: next!.id, userId: mentor, role: 'mentor' as const, checkedIn: false }
				]
			: [])
	];
	await seedTodaysSession(db, { coordinator, student: student ?? null, mentor: mentor ?? null, today, now });
	for (const signUp of signUps) {
		const session = created.find((row) => row.id === signUp.sessionId)!;
		const answeredAt = new Date(session.startsAt.getTime() - 7 * 86_400_000);
		await db.insert(clubSessionParticipants).values({
			sessionId: signUp.sessionId,
			userId: signUp.userId,
			role: signUp.role,
			status: 'confirmed',
			queuedAt: answeredAt,
			confirmedAt: answeredAt,
			remindedAt: signUp.checkedIn ? session.startsAt : null,
			checkedInAt: signUp.checkedIn ? session.startsAt : null,
			checkedInBy: signUp.checkedIn ? coordinator : null
		});
	}
}

/** Today's exercises, in order, and how the other students in the room are doing on them (minutes ago, verdict). */
const todaysSlugs = ['hello-name', 'even-or-odd', 'celsius-to-fahrenheit'];
const roomStudents: Array<Array<[slug: string, minutesAgo: number, verdict: SubmissionVerdict]>> = [
	[
		['hello-name', 50, 'AC'],
		['even-or-odd', 30, 'AC'],
		['celsius-to-fahrenheit', 5, 'WA']
	],
	[
		['hello-name', 45, 'WA'],
		['hello-name', 40, 'RE'],
		['hello-name', 35, 'WA']
	],
	[['hello-name', 20, 'AC']]
];

async function seedTodaysSession(
	db: Database,
	people: { coordinator: string | null; student: string | null; mentor: string | null; today: string; now: Date }
): Promise<void> {
	// From 10:00 to 19:00, or earlier and later so that the room is at work whenever the demo is made that day.
	const dayStart = japanDateTime(people.today, '00:00').getTime();
	const hour = 60 * 60_000;
	const startsAt = new Date(
		Math.max(dayStart, Math.min(japanDateTime(people.today, '10:00').getTime(), Math.floor(people.now.getTime() / hour) * hour - hour))
	);
	const endsAt = new Date(
		Math.min(dayStart + 24 * hour - 60_000, Math.max(japanDateTime(people.today, '19:00').getTime(), Math.ceil(people.now.getTime() / hour) * hour + 3 * hour))
	);
	const [session] = await db
		.insert(clubSessions)
		.values({
			title: '金沢IT部活 活動日（冬の特別編）',
			startsAt,
			endsAt,
			venue,
			capacity: 20,
			mentorsNeeded: 2,
			notes: '今日の問題を上から順に解いてみよう。わからないときは、手を挙げるか「相談する」で聞いてください。',
			createdBy: people.coordinator
		})
		.returning({ id: clubSessions.id });
	const found = await db.select({ id: exercises.id, slug: exercises.slug }).from(exercises).where(inArray(exercises.slug, todaysSlugs));
	const exerciseId = Object.fromEntries(found.map((row) => [row.slug, row.id]));
	const chosen = todaysSlugs.filter((slug) => exerciseId[slug]);
	if (chosen.length) {
		await db
			.insert(sessionExercises)
			.values(chosen.map((slug, position) => ({ sessionId: session!.id, exerciseId: exerciseId[slug]!, position, addedBy: people.coordinator })));
	}
	const answeredAt = new Date(startsAt.getTime() - 3 * 86_400_000);
	const arrival = (userId: string, role: 'student' | 'mentor', checkedIn: boolean) => ({
		sessionId: session!.id,
		userId,
		role,
		status: 'confirmed' as const,
		queuedAt: answeredAt,
		confirmedAt: answeredAt,
		// The day-before reminder is long past.
		remindedAt: answeredAt,
		checkedInAt: checkedIn ? startsAt : null,
		checkedInBy: checkedIn ? people.coordinator : null
	});
	if (people.student) await db.insert(clubSessionParticipants).values(arrival(people.student, 'student', true));
	if (people.mentor) await db.insert(clubSessionParticipants).values(arrival(people.mentor, 'mentor', true));
	// Members of the demo roster who joined lately get accounts (nobody signs in to them: a random password) and come.
	const classmates = await db
		.select({ id: members.id, nickname: members.nickname })
		.from(members)
		.where(and(isNull(members.userId), eq(members.status, 'active')))
		.orderBy(desc(members.joinedOn))
		.limit(roomStudents.length);
	for (const [index, classmate] of classmates.entries()) {
		const { id } = await auth.createAccount(db, {
			email: `room-${index + 1}@demo.itbu.jp`,
			password: randomBytes(18).toString('base64url'),
			displayName: classmate.nickname ?? `部員${index + 1}`,
			roles: ['student'],
			emailVerified: true
		});
		await db.update(members).set({ userId: id }).where(eq(members.id, classmate.id));
		await db.insert(clubSessionParticipants).values(arrival(id, 'student', index !== 2));
		for (const [slug, minutesAgo, verdict] of roomStudents[index]!) {
			if (!exerciseId[slug]) continue;
			const at = new Date(people.now.getTime() - minutesAgo * 60_000);
			await db.insert(submissions).values({
				userId: id,
				exerciseId: exerciseId[slug]!,
				language: 'python',
				source: 'print(input())\n',
				mode: 'submit',
				status: 'done',
				attempts: 1,
				verdict,
				results: { cases: [] },
				createdAt: at,
				startedAt: at,
				finishedAt: new Date(at.getTime() + 900)
			});
		}
	}
}
