// Typed view of the mentoring tables (supabase/migrations/20261130110000_mentoring.sql is the source of truth).
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users, type Locale } from '../db/schema';
import type { Affiliation, MentorApplicationStatus, OrganisationKind } from './vocabulary';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const partnerOrganisations = pgTable('partner_organisations', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	kind: text('kind').$type<OrganisationKind>().notNull(),
	website: text('website'),
	archivedAt: timestamptz('archived_at'),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	updatedAt: timestamptz('updated_at').notNull().defaultNow()
});

export const mentorApplications = pgTable('mentor_applications', {
	id: uuid('id').primaryKey().defaultRandom(),
	userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
	status: text('status').$type<MentorApplicationStatus>().notNull().default('awaiting_review'),
	fullName: text('full_name').notNull(),
	organisationId: uuid('organisation_id').references(() => partnerOrganisations.id),
	organisationOther: text('organisation_other'),
	affiliation: text('affiliation').$type<Affiliation>().notNull(),
	affiliationDetail: text('affiliation_detail'),
	languages: text('languages').array().notNull().default([]),
	topics: text('topics').array().notNull().default([]),
	skillsNote: text('skills_note'),
	availability: text('availability').array().notNull().default([]),
	availabilityNote: text('availability_note'),
	motivation: text('motivation').notNull(),
	codeOfConductVersion: text('code_of_conduct_version').notNull(),
	locale: text('locale').$type<Locale>().notNull().default('ja'),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	firstViewedAt: timestamptz('first_viewed_at'),
	reviewedAt: timestamptz('reviewed_at'),
	reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
	rejectionReason: text('rejection_reason')
});

export const mentors = pgTable('mentors', {
	userId: uuid('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	applicationId: uuid('application_id').references(() => mentorApplications.id, { onDelete: 'set null' }),
	organisationId: uuid('organisation_id').references(() => partnerOrganisations.id),
	organisationOther: text('organisation_other'),
	affiliation: text('affiliation').$type<Affiliation>().notNull(),
	approvedAt: timestamptz('approved_at').notNull().defaultNow(),
	approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
	deactivatedAt: timestamptz('deactivated_at'),
	deactivatedBy: uuid('deactivated_by').references(() => users.id, { onDelete: 'set null' }),
	deactivationReason: text('deactivation_reason')
});

export type PartnerOrganisation = typeof partnerOrganisations.$inferSelect;
export type MentorApplication = typeof mentorApplications.$inferSelect;
