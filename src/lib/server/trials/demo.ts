// Development demo data: two coming trial sessions (one nearly full, with a booking and someone on its waitlist),
// a past one whose visitors came, and ref codes for a school's flyer, 広報かなざわ and an event, with visits.
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import * as auth from '../auth';
import { japanDate, japanDateTime } from '../../japan-time';
import { clubSessions } from '../club-sessions/schema';
import { referralCodes, referralVisits, trialBookings } from './schema';

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function seedDemoTrials(db: Database, options: { coordinatorEmail: string; now?: Date }): Promise<void> {
	const now = options.now ?? new Date();
	const today = japanDate(now);
	const [coordinator] = await db.select({ id: users.id }).from(users).where(eq(users.email, options.coordinatorEmail));
	const createdBy = coordinator?.id ?? null;
	const trial = (date: string, title: string, capacity: number) => ({
		title,
		kind: 'trial' as const,
		startsAt: japanDateTime(date, '10:00'),
		endsAt: japanDateTime(date, '12:00'),
		venue: '金沢未来のまち創造館',
		mapUrl: 'https://www.google.com/maps/search/?api=1&query=%E9%87%91%E6%B2%A2%E6%9C%AA%E6%9D%A5%E3%81%AE%E3%81%BE%E3%81%A1%E5%89%B5%E9%80%A0%E9%A4%A8',
		whatToBring: '筆記用具と飲み物。パソコンは貸し出します(持っている人は持ってきてもかまいません)。',
		capacity,
		mentorsNeeded: 2,
		createdBy
	});
	const [soon, later, past] = await db
		.insert(clubSessions)
		.values([
			trial(addDays(today, 10), 'はじめてのプログラミング体験会', 2),
			trial(addDays(today, 24), 'ゲームを作ろう 体験会', 12),
			trial(addDays(today, -20), 'はじめてのプログラミング体験会', 10)
		])
		.returning({ id: clubSessions.id });
	const codes = await db
		.insert(referralCodes)
		.values([
			{ code: 'shikindai-2026', name: '紫錦台中学校 2026年度チラシ', channel: 'flyer', createdBy },
			{ code: 'koho-2027-01', name: '広報かなざわ 2027年1月号', channel: 'koho_kanazawa', createdBy },
			{ code: 'kagaku-festa', name: 'こども科学フェスタ ブース', channel: 'event', createdBy }
		])
		.returning({ id: referralCodes.id });
	await db.insert(referralVisits).values([
		{ codeId: codes[0]!.id, day: addDays(today, -3), visits: 14 },
		{ codeId: codes[0]!.id, day: addDays(today, -2), visits: 6 },
		{ codeId: codes[1]!.id, day: addDays(today, -1), visits: 31 },
		{ codeId: codes[2]!.id, day: addDays(today, -21), visits: 9 }
	]);
	const booking = (sessionId: string, nickname: string, status: 'booked' | 'waitlisted', extra: Partial<typeof trialBookings.$inferInsert> = {}) => ({
		sessionId,
		status,
		nickname,
		grade: 'jh1' as const,
		guardianEmail: `guardian.${nickname.toLowerCase()}@demo.itbu.jp`,
		tokenHash: auth.hashSecret(auth.generateSecret(20)),
		...extra
	});
	await db.insert(trialBookings).values([
		booking(soon!.id, 'Haru', 'booked', { channel: 'flyer', refCodeId: codes[0]!.id, schoolCode: 'k-shikindai' }),
		booking(soon!.id, 'Mio', 'booked', { channel: 'friend', grade: 'jh2' }),
		booking(soon!.id, 'Sora', 'waitlisted', { channel: 'koho_kanazawa', refCodeId: codes[1]!.id }),
		booking(later!.id, 'Yui', 'booked', { channel: 'teacher', grade: 'hs1' }),
		booking(past!.id, 'Ren', 'booked', {
			channel: 'event',
			refCodeId: codes[2]!.id,
			attendedAt: japanDateTime(addDays(today, -20), '10:05'),
			invitedAt: now
		}),
		booking(past!.id, 'Aoi', 'booked', { channel: 'event', refCodeId: codes[2]!.id, attendedAt: japanDateTime(addDays(today, -20), '10:10'), invitedAt: now })
	]);
}
