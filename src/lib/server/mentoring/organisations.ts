// Partner organisations (universities, companies, others) that mentors come from, kept by coordinators.
// Archived ones are no longer offered to applicants but keep their mentors and history.
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { isUuid } from '../ids';
import type { OrganisationInput } from '../../validation/mentoring';
import { partnerOrganisations, type PartnerOrganisation } from './schema';
import type { OrganisationKind } from './vocabulary';
import { ok, refuse, type Outcome } from '../outcome';

export type OrganisationProblem = 'org_error_name_taken' | 'org_error_not_found';

export interface OrganisationSummary {
	id: string;
	name: string;
	kind: OrganisationKind;
	website: string | null;
	archived: boolean;
	activeMentors: number;
}

/** Mentors of the organisation still active: holding the mentor role, their account not disabled. */
const activeMentorCount = sql<number>`(select count(*) from mentors m
	where m.organisation_id = partner_organisations.id
		and exists (select 1 from user_roles r where r.user_id = m.user_id and r.role = 'mentor')
		and exists (select 1 from users u where u.id = m.user_id and u.disabled_at is null))::int`;

export async function listOrganisations(db: Database): Promise<OrganisationSummary[]> {
	const rows = await db
		.select({
			organisation: partnerOrganisations,
			activeMentors: activeMentorCount
		})
		.from(partnerOrganisations)
		.orderBy(sql`${partnerOrganisations.archivedAt} is not null`, asc(partnerOrganisations.kind), asc(partnerOrganisations.name));
	return rows.map(({ organisation, activeMentors }) => ({
		id: organisation.id,
		name: organisation.name,
		kind: organisation.kind,
		website: organisation.website,
		archived: organisation.archivedAt !== null,
		activeMentors: Number(activeMentors)
	}));
}

/** The partners an applicant can choose. */
export async function partnerChoices(db: Database): Promise<Array<{ id: string; name: string; kind: OrganisationKind }>> {
	return db
		.select({ id: partnerOrganisations.id, name: partnerOrganisations.name, kind: partnerOrganisations.kind })
		.from(partnerOrganisations)
		.where(isNull(partnerOrganisations.archivedAt))
		.orderBy(asc(partnerOrganisations.kind), asc(partnerOrganisations.name));
}

export async function findOrganisation(db: Database, id: string): Promise<PartnerOrganisation | null> {
	if (!isUuid(id)) return null;
	const [organisation] = await db.select().from(partnerOrganisations).where(eq(partnerOrganisations.id, id));
	return organisation ?? null;
}

async function nameTaken(db: Database, name: string, exceptId?: string): Promise<boolean> {
	const [clash] = await db
		.select({ id: partnerOrganisations.id })
		.from(partnerOrganisations)
		.where(and(sql`lower(${partnerOrganisations.name}) = lower(${name})`, exceptId ? ne(partnerOrganisations.id, exceptId) : undefined));
	return Boolean(clash);
}

export async function createOrganisation(db: Database, input: OrganisationInput, now = new Date()): Promise<Outcome<OrganisationProblem, { id: string }>> {
	if (await nameTaken(db, input.name)) return refuse('org_error_name_taken');
	const [created] = await db
		.insert(partnerOrganisations)
		.values({
			name: input.name,
			kind: input.kind,
			website: input.website ?? null,
			archivedAt: input.archived ? now : null,
			createdAt: now,
			updatedAt: now
		})
		.returning({ id: partnerOrganisations.id });
	return { ok: true, id: created!.id };
}

export async function updateOrganisation(db: Database, id: string, input: OrganisationInput, now = new Date()): Promise<Outcome<OrganisationProblem>> {
	const existing = await findOrganisation(db, id);
	if (!existing) return refuse('org_error_not_found');
	if (await nameTaken(db, input.name, id)) return refuse('org_error_name_taken');
	await db
		.update(partnerOrganisations)
		.set({
			name: input.name,
			kind: input.kind,
			website: input.website ?? null,
			archivedAt: input.archived ? (existing.archivedAt ?? now) : null,
			updatedAt: now
		})
		.where(eq(partnerOrganisations.id, id));
	return ok;
}
