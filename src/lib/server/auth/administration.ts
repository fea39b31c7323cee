import { z } from 'zod';
import type { Database } from '../db';
import { roles } from '../db/schema';
import { findUserById, grantRole, revokeRole, setDisabled } from './accounts';
import { ok, refuse, type Outcome } from '../outcome';

export const accountChange = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('disable') }),
	z.object({ kind: z.literal('enable') }),
	z.object({ kind: z.literal('grant'), role: z.enum(roles) }),
	z.object({ kind: z.literal('revoke'), role: z.enum(roles) })
]);
export type AccountChange = z.infer<typeof accountChange>;

export type AdministrationProblem = 'accounts_cannot_change_self' | 'accounts_not_found';

/** A coordinator changes someone's roles or access. Coordinators cannot lock themselves out. */
export async function changeAccount(db: Database, actorId: string, targetId: string, change: AccountChange): Promise<Outcome<AdministrationProblem>> {
	if (!z.uuid().safeParse(targetId).success || !(await findUserById(db, targetId))) return refuse('accounts_not_found');
	const lockingOutSelf = change.kind === 'disable' || (change.kind === 'revoke' && change.role === 'coordinator');
	if (actorId === targetId && lockingOutSelf) return refuse('accounts_cannot_change_self');
	switch (change.kind) {
		case 'disable':
			await setDisabled(db, targetId, true);
			break;
		case 'enable':
			await setDisabled(db, targetId, false);
			break;
		case 'grant':
			await grantRole(db, targetId, change.role);
			break;
		case 'revoke':
			await revokeRole(db, targetId, change.role);
			break;
	}
	return ok;
}
