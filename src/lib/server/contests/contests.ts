// Contests as coordinators schedule them: a title, the problems (existing exercises, drafts written for the contest
// too), a start and an end, the window (the contest's own or a personal one) and the scoring mode.
import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { exercises } from '../db/schema';
import { isUuid } from '../ids';
import { ok, refuse, Refused, refusalOf, type Outcome } from '../outcome';
import { contestState, type ContestState } from './rules';
import { contestEntries, contestExercises, contests, type Contest } from './schema';

export const maxProblems = 12;

export interface ContestInput {
	title: string;
	description: string;
	startsAt: Date;
	endsAt: Date;
	windowMinutes: number | null;
	beginner: boolean;
	penaltyMinutes: number;
	/** The problems in order (A, B, C …), by exercise slug. */
	problemSlugs: string[];
}

export type ContestProblem =
	| 'contests_error_forbidden'
	| 'contests_error_not_found'
	| 'contests_error_cancelled'
	| 'contests_error_ended'
	| 'contests_error_locked'
	| 'contests_error_unknown_exercise';

export interface Actor {
	id: string;
	roles: readonly string[];
}

export interface ContestProblemView {
	position: number;
	letter: string;
	slug: string;
	title: { ja: string; en: string };
	published: boolean;
}

export interface ContestView {
	id: string;
	title: string;
	description: string;
	startsAt: Date;
	endsAt: Date;
	windowMinutes: number | null;
	beginner: boolean;
	penaltyMinutes: number;
	cancelled: boolean;
	state: ContestState;
	problems: ContestProblemView[];
	entries: number;
}

export const problemLetter = (position: number) => String.fromCharCode(65 + position);

const isCoordinator = (actor: Actor) => actor.roles.includes('coordinator');

/** The exercises' ids in the order of `slugs`; a refusal when one does not exist. */
async function exerciseIds(db: Database, slugs: string[]): Promise<string[]> {
	if (slugs.length === 0) return [];
	const rows = await db.select({ id: exercises.id, slug: exercises.slug }).from(exercises).where(inArray(exercises.slug, slugs));
	const bySlug = new Map(rows.map((row) => [row.slug, row.id]));
	return slugs.map((slug) => {
		const id = bySlug.get(slug);
		if (!id) throw new Refused('contests_error_unknown_exercise');
		return id;
	});
}

async function replaceProblems(db: Database, contestId: string, ids: string[]) {
	await db.delete(contestExercises).where(eq(contestExercises.contestId, contestId));
	if (ids.length > 0) await db.insert(contestExercises).values(ids.map((exerciseId, position) => ({ contestId, exerciseId, position })));
}

function columnsOf(input: ContestInput) {
	const { title, description, startsAt, endsAt, windowMinutes, beginner, penaltyMinutes } = input;
	return { title, description, startsAt, endsAt, windowMinutes, beginner, penaltyMinutes };
}

export async function createContest(db: Database, actor: Actor, input: ContestInput, now = new Date()): Promise<Outcome<ContestProblem, { id: string }>> {
	if (!isCoordinator(actor)) return refuse('contests_error_forbidden');
	return refusalOf(() =>
		db.transaction(async (tx) => {
			const ids = await exerciseIds(tx, input.problemSlugs);
			const [created] = await tx
				.insert(contests)
				.values({ ...columnsOf(input), createdBy: actor.id, createdAt: now, updatedAt: now })
				.returning({ id: contests.id });
			await replaceProblems(tx, created!.id, ids);
			return { ok: true as const, id: created!.id };
		})
	);
}

async function lockContest(db: Database, contestId: string): Promise<Contest | undefined> {
	if (!isUuid(contestId)) return undefined;
	const [contest] = await db.select().from(contests).where(eq(contests.id, contestId)).for('update');
	return contest;
}

async function problemIds(db: Database, contestId: string): Promise<string[]> {
	const rows = await db
		.select({ id: contestExercises.exerciseId })
		.from(contestExercises)
		.where(eq(contestExercises.contestId, contestId))
		.orderBy(asc(contestExercises.position));
	return rows.map((row) => row.id);
}

/**
 * Saves a coordinator's changes. Once the contest has started, what people are already being scored by stays as it
 * is (the problems, the start, the window and the scoring): only the title, the description and the end may change,
 * and the end not to before now.
 */
export async function updateContest(db: Database, actor: Actor, contestId: string, input: ContestInput, now = new Date()): Promise<Outcome<ContestProblem>> {
	if (!isCoordinator(actor)) return refuse('contests_error_forbidden');
	return refusalOf(() =>
		db.transaction(async (tx) => {
			const before = await lockContest(tx, contestId);
			if (!before) return refuse('contests_error_not_found');
			if (before.cancelledAt) return refuse('contests_error_cancelled');
			if (before.endsAt <= now) return refuse('contests_error_ended');
			const ids = await exerciseIds(tx, input.problemSlugs);
			if (before.startsAt <= now) {
				const unchanged =
					input.startsAt.getTime() === before.startsAt.getTime() &&
					input.windowMinutes === before.windowMinutes &&
					input.beginner === before.beginner &&
					input.penaltyMinutes === before.penaltyMinutes &&
					(await problemIds(tx, contestId)).join() === ids.join();
				if (!unchanged || input.endsAt <= now) return refuse('contests_error_locked');
			}
			await tx
				.update(contests)
				.set({ ...columnsOf(input), updatedAt: now })
				.where(eq(contests.id, contestId));
			if (before.startsAt > now) await replaceProblems(tx, contestId, ids);
			return ok;
		})
	);
}

/** Cancels a contest that has not ended: its problems are no longer held back (and stay unpublished if drafts). */
export async function cancelContest(db: Database, actor: Actor, contestId: string, now = new Date()): Promise<Outcome<ContestProblem>> {
	if (!isCoordinator(actor)) return refuse('contests_error_forbidden');
	return db.transaction(async (tx) => {
		const contest = await lockContest(tx, contestId);
		if (!contest) return refuse('contests_error_not_found');
		if (contest.cancelledAt) return refuse('contests_error_cancelled');
		if (contest.endsAt <= now) return refuse('contests_error_ended');
		await tx.update(contests).set({ cancelledAt: now, updatedAt: now }).where(eq(contests.id, contestId));
		return ok;
	});
}

async function problemsOf(db: Database, contestIds: string[]): Promise<Map<string, ContestProblemView[]>> {
	const byContest = new Map<string, ContestProblemView[]>();
	if (contestIds.length === 0) return byContest;
	const rows = await db
		.select({
			contestId: contestExercises.contestId,
			position: contestExercises.position,
			slug: exercises.slug,
			titleJa: exercises.titleJa,
			titleEn: exercises.titleEn,
			published: exercises.published
		})
		.from(contestExercises)
		.innerJoin(exercises, eq(exercises.id, contestExercises.exerciseId))
		.where(inArray(contestExercises.contestId, contestIds))
		.orderBy(asc(contestExercises.position));
	for (const row of rows) {
		const list = byContest.get(row.contestId) ?? [];
		list.push({
			position: row.position,
			letter: problemLetter(row.position),
			slug: row.slug,
			title: { ja: row.titleJa, en: row.titleEn },
			published: row.published
		});
		byContest.set(row.contestId, list);
	}
	return byContest;
}

async function views(db: Database, rows: Contest[], now: Date): Promise<ContestView[]> {
	const ids = rows.map((row) => row.id);
	const [problems, counts] = await Promise.all([
		problemsOf(db, ids),
		ids.length === 0
			? []
			: db
					.select({ contestId: contestEntries.contestId, entries: sql<number>`count(*)::int`.mapWith(Number) })
					.from(contestEntries)
					.where(inArray(contestEntries.contestId, ids))
					.groupBy(contestEntries.contestId)
	]);
	const entries = new Map(counts.map((row) => [row.contestId, row.entries]));
	return rows.map((row) => ({
		id: row.id,
		title: row.title,
		description: row.description,
		startsAt: row.startsAt,
		endsAt: row.endsAt,
		windowMinutes: row.windowMinutes,
		beginner: row.beginner,
		penaltyMinutes: row.penaltyMinutes,
		cancelled: row.cancelledAt !== null,
		state: contestState(row, now),
		problems: problems.get(row.id) ?? [],
		entries: entries.get(row.id) ?? 0
	}));
}

export async function getContest(db: Database, contestId: string, now = new Date()): Promise<ContestView | null> {
	if (!isUuid(contestId)) return null;
	const rows = await db.select().from(contests).where(eq(contests.id, contestId));
	return (await views(db, rows, now))[0] ?? null;
}

/**
 * The contests to show: those not ended yet, soonest first, then up to `ended` that have, latest first. Cancelled
 * ones only for coordinators (`includeCancelled`).
 */
export async function listContests(
	db: Database,
	options: { now?: Date; ended?: number; includeCancelled?: boolean } = {}
): Promise<{ current: ContestView[]; past: ContestView[] }> {
	const now = options.now ?? new Date();
	const visible = options.includeCancelled ? undefined : isNull(contests.cancelledAt);
	const [current, past] = await Promise.all([
		db
			.select()
			.from(contests)
			.where(and(gt(contests.endsAt, now), visible))
			.orderBy(asc(contests.startsAt))
			.limit(50),
		db
			.select()
			.from(contests)
			.where(and(lte(contests.endsAt, now), visible))
			.orderBy(desc(contests.endsAt))
			.limit(options.ended ?? 20)
	]);
	return { current: await views(db, current, now), past: await views(db, past, now) };
}

/** Every exercise a coordinator may put into a contest, drafts included, in curriculum order. */
export async function exerciseChoices(db: Database): Promise<Array<{ slug: string; title: { ja: string; en: string }; published: boolean }>> {
	const rows = await db
		.select({ slug: exercises.slug, titleJa: exercises.titleJa, titleEn: exercises.titleEn, published: exercises.published })
		.from(exercises)
		.orderBy(sql`${exercises.sortOrder} nulls last`, asc(exercises.slug));
	return rows.map((row) => ({ slug: row.slug, title: { ja: row.titleJa, en: row.titleEn }, published: row.published }));
}
