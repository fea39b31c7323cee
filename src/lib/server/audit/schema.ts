// Typed view of audit_events (supabase/migrations/20261130020000_membership.sql is the source of truth; later migrations
// extend the allowed actions, e.g. 20261210100000_groups.sql).
import { bigint, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditActions = [
	'member_viewed',
	'members_exported',
	'kpi_exported',
	'application_viewed',
	'application_approved',
	'application_rejected',
	'member_status_changed',
	'member_note_added',
	'member_anonymised',
	'roster_imported',
	'target_changed',
	'own_data_exported',
	'deletion_requested',
	'mentor_application_viewed',
	'mentor_approved',
	'mentor_rejected',
	'mentor_deactivated',
	'mentor_reactivated',
	'attendance_exported',
	'review_viewed',
	'review_settings_changed',
	'group_viewed',
	'funnel_exported',
	'certificate_revoked',
	'organisation_report_exported',
	'trial_bookings_viewed'
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditDetail = Record<string, string | number | boolean | null>;

export const auditEvents = pgTable('audit_events', {
	id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
	actorId: uuid('actor_id'),
	actorName: text('actor_name').notNull(),
	action: text('action').$type<AuditAction>().notNull(),
	memberId: uuid('member_id'),
	detail: jsonb('detail').$type<AuditDetail>().notNull().default({}),
	createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
});
