// Approved mentors: who they are, where they come from, and whether they may act as mentors. Access is the mentor
// role itself (read from user_roles on every request), so deactivating takes effect on the very next request.
import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { userRoles, users } from '../db/schema';
import * as auth from '../auth';
import * as audit from '../audit';
import { isUuid } from '../ids';
import { mentors, partnerOrganisations } from './schema';
import type { Affiliation } from './vocabulary';
import { ok, refuse, type Outcome } from '../outcome';

// Written out: Drizzle leaves columns unqualified in a single-table select, which the subquery would capture.
const holdsMentorRole = sql<boolean>`exists (select 1 from user_roles r where r.user_id = users.id and r.role = 'mentor')`;

export interface MentorSummary {
	userId: string;
	displayName: string;
	email: string;
	/** The partner's name, or the other organisation typed in; null for someone given the role without applying. */
	organisation: string | null;
	affiliation: Affiliation | null;
	applicationId: string | null;
	approvedAt: Date | null;
	/** Holds the mentor role and the account is not disabled. */
	active: boolean;
	deactivatedAt: Date | null;
	deactivationReason: string | null;
}

/** Everyone who is or was a mentor: active ones first, then by name. */
export async function listMentors(db: Database): Promise<MentorSummary[]> {
	const rows = await db
		.select({
			userId: users.id,
			displayName: users.displayName,
			email: users.email,
			disabledAt: users.disabledAt,
			mentor: mentors,
			partnerName: partnerOrganisations.name,
			hasRole: holdsMentorRole
		})
		.from(users)
		.leftJoin(mentors, eq(mentors.userId, users.id))
		.leftJoin(partnerOrganisations, eq(partnerOrganisations.id, mentors.organisationId))
		.where(or(isNotNull(mentors.userId), holdsMentorRole))
		.orderBy(asc(users.displayName));
	return rows
		.map((row) => ({
			userId: row.userId,
			displayName: row.displayName,
			email: row.email,
			organisation: row.partnerName ?? row.mentor?.organisationOther ?? null,
			affiliation: row.mentor?.affiliation ?? null,
			applicationId: row.mentor?.applicationId ?? null,
			approvedAt: row.mentor?.approvedAt ?? null,
			active: Boolean(row.hasRole) && row.disabledAt === null,
			deactivatedAt: row.mentor?.deactivatedAt ?? null,
			deactivationReason: row.mentor?.deactivationReason ?? null
		}))
		.sort((a, b) => Number(b.active) - Number(a.active));
}

export type MentorProblem = 'mentor_error_not_found';

async function isMentor(db: Database, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: users.id })
		.from(users)
		.leftJoin(mentors, eq(mentors.userId, users.id))
		.where(and(eq(users.id, userId), or(isNotNull(mentors.userId), holdsMentorRole)));
	return Boolean(row);
}

/**
 * Takes the mentor role away (refused from the very next request) and records when, by whom and why, inside the
 * caller's transaction. The account itself stays; they can still sign in and see their own data. What else ends
 * with the role (session sign-ups, claimed reviews) belongs to other domains: mentor-deactivation.ts does it all.
 */
export async function deactivateMentorRole(
	tx: Database,
	actor: audit.Actor,
	userId: string,
	reason: string | undefined,
	now: Date
): Promise<Outcome<MentorProblem>> {
	if (!(await isMentor(tx, userId))) return refuse('mentor_error_not_found');
	await auth.revokeRole(tx, userId, 'mentor');
	await tx
		.update(mentors)
		.set({ deactivatedAt: now, deactivatedBy: actor.id, deactivationReason: reason ?? null })
		.where(eq(mentors.userId, userId));
	return ok;
}

export async function reactivateMentor(db: Database, actor: audit.Actor, userId: string): Promise<Outcome<MentorProblem>> {
	return db.transaction(async (tx) => {
		if (!(await isMentor(tx, userId))) return refuse('mentor_error_not_found');
		await auth.grantRole(tx, userId, 'mentor');
		await tx.update(mentors).set({ deactivatedAt: null, deactivatedBy: null, deactivationReason: null }).where(eq(mentors.userId, userId));
		await audit.record(tx, actor, 'mentor_reactivated', { detail: { userId } });
		return ok;
	});
}

export interface OrganisationCount {
	/** 'partner:<id>', 'other' (an organisation typed in) or 'unregistered' (given the role without applying). */
	key: string;
	/** The partner's name; null for the other two groups. */
	name: string | null;
	count: number;
}

/** Active mentors by partner organisation, largest first; the groups add up to the dashboard's mentor count. */
export async function mentorsByOrganisation(db: Database): Promise<OrganisationCount[]> {
	const rows = await db
		.select({
			organisationId: mentors.organisationId,
			name: partnerOrganisations.name,
			registered: sql<boolean>`${mentors.userId} is not null`,
			count: sql<number>`count(*)::int`
		})
		.from(userRoles)
		.innerJoin(users, eq(users.id, userRoles.userId))
		.leftJoin(mentors, eq(mentors.userId, userRoles.userId))
		.leftJoin(partnerOrganisations, eq(partnerOrganisations.id, mentors.organisationId))
		.where(and(eq(userRoles.role, 'mentor'), sql`${users.disabledAt} is null`))
		.groupBy(mentors.organisationId, partnerOrganisations.name, sql`${mentors.userId} is not null`);
	return rows
		.map((row) => ({
			key: row.organisationId ? `partner:${row.organisationId}` : row.registered ? 'other' : 'unregistered',
			name: row.name,
			count: Number(row.count)
		}))
		.sort(
			(a, b) =>
				Number(a.key === 'unregistered') - Number(b.key === 'unregistered') || Number(a.key === 'other') - Number(b.key === 'other') || b.count - a.count
		);
}

/** Where each of these mentors comes from (partner name or the organisation typed in), for session rosters. */
export async function mentorOrganisations(db: Database, userIds: string[]): Promise<Record<string, string | null>> {
	if (userIds.length === 0) return {};
	const rows = await db
		.select({ userId: mentors.userId, partnerName: partnerOrganisations.name, other: mentors.organisationOther })
		.from(mentors)
		.leftJoin(partnerOrganisations, eq(partnerOrganisations.id, mentors.organisationId))
		.where(inArray(mentors.userId, userIds));
	return Object.fromEntries(rows.map((row) => [row.userId, row.partnerName ?? row.other]));
}

/** Whether the person was a mentor and is deactivated (they apply again only through the coordinators). */
export async function isDeactivatedMentor(db: Database, userId: string): Promise<boolean> {
	const [row] = await db.select({ deactivatedAt: mentors.deactivatedAt }).from(mentors).where(eq(mentors.userId, userId));
	return Boolean(row?.deactivatedAt);
}

/** How the audit log names mentors (their display name), by user id. */
export async function mentorNames(db: Database, userIds: string[]): Promise<Record<string, { name: string }>> {
	const ids = [...new Set(userIds.filter(isUuid))];
	if (ids.length === 0) return {};
	const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
	return Object.fromEntries(rows.map(({ id, name }) => [id, { name }]));
}
