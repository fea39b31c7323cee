// Development demo data: the demo student's guardian consented with the monthly digest, so `npm run dev` shows last
// month's digest in /dev/mail, with its one-click unsubscribe headers, and its links work.
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { memberApplications, members } from '../membership/schema';
import { privacyStatementVersion } from '../membership/vocabulary';
import { japanDateTime } from '../../japan-time';
import { sendMonthlyDigests } from './digest';
import { guardianPreferences } from './schema';

export async function seedDemoGuardians(db: Database, options: { studentEmail: string; origin?: string; now?: Date }): Promise<void> {
	const [student] = await db.select({ id: users.id }).from(users).where(eq(users.email, options.studentEmail));
	const [member] = student ? await db.select().from(members).where(eq(members.userId, student.id)) : [];
	if (!student || !member) return;
	// The roster imported the demo student; here they joined by applying, as new members do, at least a month ago so
	// that last month's digest is due.
	const now = options.now ?? new Date();
	const consentedAt = new Date(Math.min(japanDateTime(member.joinedOn, '19:00').getTime(), now.getTime() - 40 * 24 * 60 * 60 * 1000));
	const [application] = await db
		.insert(memberApplications)
		.values({
			userId: student.id,
			status: 'approved',
			nickname: member.nickname,
			fullName: member.fullName,
			schoolCode: member.schoolCode,
			schoolOther: member.schoolOther,
			grade: member.grade,
			gender: member.gender,
			guardianName: member.guardianName,
			guardianEmail: member.guardianEmail,
			statementVersion: privacyStatementVersion,
			createdAt: new Date(consentedAt.getTime() - 24 * 60 * 60 * 1000),
			consentDecidedAt: consentedAt,
			reviewedAt: consentedAt
		})
		.returning({ id: memberApplications.id });
	await db.update(members).set({ applicationId: application!.id }).where(eq(members.id, member.id));
	await db.insert(guardianPreferences).values({ applicationId: application!.id, locale: 'ja', digest: true, chosenAt: consentedAt });
	await sendMonthlyDigests(db, now, { origin: options.origin ?? 'http://localhost:5173' });
}
