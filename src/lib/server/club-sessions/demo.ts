// Development demo data: the next Saturdays' sessions at 金沢未来のまち創造館 (one online evening), a past session
// with attendance for the dashboard, and the demo student and mentor signed up for the next one.
import { inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { japanDate } from '../../japan-time';
import { japanDateTime } from '../../japan-time';
import { clubSessions, clubSessionParticipants } from './schema';

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
