// Review notifications: each says where to read the discussion (the student's page or the mentor's) and names the
// exercise in the recipient's own language.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { users, exercises } from '../db/schema';
import { notify, type NotifyContext } from '../notifications';
import { notificationPreferences } from '../notifications/schema';
import { isActiveMentorSql } from './access';

export type ReviewNoticeKind = 'review_requested' | 'review_posted' | 'review_reply' | 'review_resubmitted';

const discussionPath = (requestId: string, audience: 'student' | 'mentor') =>
	audience === 'student' ? `/reviews/${requestId}` : `/mentor/reviews/${requestId}`;

export async function tellAboutReview(
	db: Database,
	recipient: { userId: string; audience: 'student' | 'mentor' },
	kind: ReviewNoticeKind,
	request: { id: string; exerciseId: string },
	actorName: string,
	context: NotifyContext
): Promise<void> {
	const [row] = await db
		.select({ locale: users.locale, ja: exercises.titleJa, en: exercises.titleEn })
		.from(users)
		.innerJoin(exercises, eq(exercises.id, request.exerciseId))
		.where(eq(users.id, recipient.userId));
	if (!row) return;
	await notify(
		db,
		recipient.userId,
		kind,
		{
			path: discussionPath(request.id, recipient.audience),
			exerciseTitle: row[row.locale],
			exerciseTitles: { ja: row.ja, en: row.en },
			name: actorName
		},
		context
	);
}

/** Mentors who asked to hear about new requests (Settings → mail); everyone else finds them in the queue. */
export async function tellMentorsAboutRequest(
	db: Database,
	request: { id: string; exerciseId: string },
	studentName: string,
	context: NotifyContext
): Promise<void> {
	const subscribers = await db
		.select({ userId: notificationPreferences.userId })
		.from(notificationPreferences)
		.where(
			and(eq(notificationPreferences.kind, 'review_requested'), eq(notificationPreferences.mail, true), isActiveMentorSql(notificationPreferences.userId))
		);
	for (const { userId } of subscribers) {
		await tellAboutReview(db, { userId, audience: 'mentor' }, 'review_requested', request, studentName, context);
	}
}
