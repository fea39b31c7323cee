import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import * as audit from '../audit';
import { membershipTarget } from './schema';
import type { Target } from './forecast';
import { ok, refuse, type Outcome } from '../outcome';

export async function getTarget(db: Database): Promise<Target> {
	const [row] = await db.select().from(membershipTarget).where(eq(membershipTarget.singleton, true));
	if (!row) throw new Error('membership_target has no row: the membership migration inserts it');
	return { count: row.targetCount, date: row.targetDate, baselineDate: row.baselineDate };
}

export async function setTarget(db: Database, actor: audit.Actor, target: { count: number; date: string }): Promise<Outcome<'dashboard_error_target_date'>> {
	const current = await getTarget(db);
	if (target.date <= current.baselineDate) return refuse('dashboard_error_target_date');
	await db.transaction(async (tx) => {
		await tx
			.update(membershipTarget)
			.set({ targetCount: target.count, targetDate: target.date, updatedAt: new Date(), updatedBy: actor.id })
			.where(eq(membershipTarget.singleton, true));
		await audit.record(tx, actor, 'target_changed', {
			detail: { fromCount: current.count, fromDate: current.date, toCount: target.count, toDate: target.date }
		});
	});
	return ok;
}
