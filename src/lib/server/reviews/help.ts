// Calls for help (相談する) still waiting for a mentor, of the given students: what the mentors in a club session's room
// see next to each student (club-sessions/room.ts). One lookup per student on the open-request index.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { exercises } from '../db/schema';
import { reviewRequests } from './schema';

export interface OpenHelpRequest {
	id: string;
	studentId: string;
	exercise: { slug: string; title: { ja: string; en: string } };
	/** waiting: nobody has taken it yet; claimed: a mentor is on it. */
	status: 'waiting' | 'claimed';
	waitingSince: Date;
}

export async function openHelpRequestsOf(db: Database, studentIds: string[]): Promise<OpenHelpRequest[]> {
	if (studentIds.length === 0) return [];
	const rows = await db
		.select({
			id: reviewRequests.id,
			studentId: reviewRequests.studentId,
			status: reviewRequests.status,
			waitingSince: reviewRequests.waitingSince,
			slug: exercises.slug,
			titleJa: exercises.titleJa,
			titleEn: exercises.titleEn
		})
		.from(reviewRequests)
		.innerJoin(exercises, eq(exercises.id, reviewRequests.exerciseId))
		.where(and(inArray(reviewRequests.studentId, studentIds), eq(reviewRequests.kind, 'help'), inArray(reviewRequests.status, ['waiting', 'claimed'])))
		.orderBy(asc(reviewRequests.waitingSince), asc(reviewRequests.id));
	return rows.map((row) => ({
		id: row.id,
		studentId: row.studentId,
		exercise: { slug: row.slug, title: { ja: row.titleJa, en: row.titleEn } },
		status: row.status as 'waiting' | 'claimed',
		waitingSince: row.waitingSince
	}));
}
