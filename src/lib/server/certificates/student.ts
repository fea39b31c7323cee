// What a student has achieved that a certificate can say: completed tracks (every published exercise of the track
// solved) and school years (April to March in Japan) with exercises solved or club sessions attended. A school year's
// certificate can be issued once the year has reached its last month (March, the month of 修了式) or ended.
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { exercises } from '../db/schema';
import { exerciseProgress } from '../exercises/schema';
import { clubSessionParticipants, clubSessions } from '../club-sessions/schema';
import { members } from '../membership/schema';
import { japanDate, schoolYearOf } from '../../japan-time';
import { trackOfTopic, tracks, type Track } from './tracks';
import type { SchoolYearFacts, TrackFacts } from './schema';

export interface TrackProgress {
	track: Track;
	exercises: number;
	solved: number;
	/** The facts a certificate would freeze, when the track is complete. */
	facts: TrackFacts | null;
}

export interface SchoolYearRecord {
	schoolYear: number;
	solved: number;
	sessions: number;
	/** Whether the year has reached March (or ended), so its certificate can be issued. */
	issuable: boolean;
	facts: SchoolYearFacts;
}

export interface StudentAchievements {
	tracks: TrackProgress[];
	/** Newest first; only years with something achieved. */
	schoolYears: SchoolYearRecord[];
}

/** The names a student may put on a certificate (their nickname, or their real name as the club has it). */
export interface HolderNames {
	nickname: string | null;
	fullName: string | null;
}

export async function holderNames(db: Database, userId: string): Promise<HolderNames | null> {
	const [member] = await db
		.select({ nickname: members.nickname, fullName: members.fullName })
		.from(members)
		.where(and(eq(members.userId, userId), isNull(members.anonymisedAt)))
		.orderBy(desc(members.joinedOn))
		.limit(1);
	if (!member) return null;
	return { nickname: member.nickname?.trim() || null, fullName: member.fullName?.trim() || null };
}

export async function studentAchievements(db: Database, userId: string, now = new Date()): Promise<StudentAchievements> {
	const [exerciseRows, solvedRows, sessionRows] = await Promise.all([
		db
			.select({ topic: sql<string | null>`${exercises.topics}[1]`, solvedAt: exerciseProgress.solvedAt })
			.from(exercises)
			.leftJoin(exerciseProgress, and(eq(exerciseProgress.exerciseId, exercises.id), eq(exerciseProgress.userId, userId)))
			.where(eq(exercises.published, true)),
		db
			.select({ solvedAt: exerciseProgress.solvedAt })
			.from(exerciseProgress)
			.where(and(eq(exerciseProgress.userId, userId), isNotNull(exerciseProgress.solvedAt))),
		db
			.select({ startsAt: clubSessions.startsAt })
			.from(clubSessionParticipants)
			.innerJoin(clubSessions, eq(clubSessions.id, clubSessionParticipants.sessionId))
			.where(
				and(
					eq(clubSessionParticipants.userId, userId),
					eq(clubSessionParticipants.role, 'student'),
					isNotNull(clubSessionParticipants.checkedInAt),
					isNull(clubSessions.cancelledAt)
				)
			)
	]);

	const trackProgress = tracks.map((track): TrackProgress => {
		const inTrack = exerciseRows.filter((row) => trackOfTopic(row.topic)?.id === track.id);
		const solved = inTrack.filter((row) => row.solvedAt !== null);
		const complete = inTrack.length > 0 && solved.length === inTrack.length;
		const lastSolved = solved.reduce<Date | null>((latest, row) => (latest && latest > row.solvedAt! ? latest : row.solvedAt), null);
		return {
			track,
			exercises: inTrack.length,
			solved: solved.length,
			facts: complete
				? { kind: 'track', trackId: track.id, titleJa: track.title.ja, titleEn: track.title.en, exercises: inTrack.length, completedOn: japanDate(lastSolved!) }
				: null
		};
	});

	const today = japanDate(now);
	const currentYear = schoolYearOf(today);
	const years = new Map<number, { solved: number; sessions: number }>();
	const yearOf = (at: Date) => {
		const year = schoolYearOf(japanDate(at));
		if (!years.has(year)) years.set(year, { solved: 0, sessions: 0 });
		return years.get(year)!;
	};
	for (const row of solvedRows) yearOf(row.solvedAt!).solved++;
	for (const row of sessionRows) if (row.startsAt <= now) yearOf(row.startsAt).sessions++;
	const schoolYears = [...years.entries()]
		.filter(([year]) => year <= currentYear)
		.sort(([a], [b]) => b - a)
		.map(([schoolYear, counts]): SchoolYearRecord => {
			const yearEnd = `${schoolYear + 1}-03-31`;
			return {
				schoolYear,
				...counts,
				issuable: schoolYear < currentYear || today >= `${schoolYear + 1}-03-01`,
				facts: { kind: 'school_year', schoolYear, ...counts, asOf: today < yearEnd ? today : yearEnd }
			};
		});
	return { tracks: trackProgress, schoolYears };
}
