// The audit log: every view of a member's personal data, every export, and every change coordinators make to
// membership. Append-only (a trigger refuses updates and deletes). Details never hold personal fields, only ids,
// counts and the filters used.
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import { auditActions, auditEvents, type AuditAction, type AuditDetail } from './schema';

export { auditActions, type AuditAction, type AuditDetail } from './schema';

export interface Actor {
	id: string;
	displayName: string;
}

/** Someone without an account, such as a guardian using a mailed link: no id, only how the log names them. */
export interface Outsider {
	id: null;
	displayName: string;
}

export async function record(
	db: Database,
	actor: Actor | Outsider,
	action: AuditAction,
	subject: { memberId?: string | null; detail?: AuditDetail } = {}
): Promise<void> {
	await db.insert(auditEvents).values({
		actorId: actor.id,
		actorName: actor.displayName,
		action,
		memberId: subject.memberId ?? null,
		detail: subject.detail ?? {}
	});
}

export interface AuditEntry {
	id: number;
	actorId: string | null;
	actorName: string;
	action: AuditAction;
	memberId: string | null;
	detail: AuditDetail;
	createdAt: Date;
}

export function isAuditAction(value: string): value is AuditAction {
	return (auditActions as readonly string[]).includes(value);
}

/** Newest first; `before` (an id) pages backwards. */
export async function listEvents(
	db: Database,
	filter: { action?: AuditAction; memberId?: string; before?: number; limit?: number } = {}
): Promise<AuditEntry[]> {
	const conditions: SQL[] = [];
	if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
	if (filter.memberId) conditions.push(eq(auditEvents.memberId, filter.memberId));
	if (filter.before) conditions.push(lt(auditEvents.id, filter.before));
	return db
		.select()
		.from(auditEvents)
		.where(conditions.length ? and(...conditions) : undefined)
		.orderBy(desc(auditEvents.id))
		.limit(filter.limit ?? 100);
}
