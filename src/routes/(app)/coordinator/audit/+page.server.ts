import * as audit from '$lib/server/audit';
import * as auth from '$lib/server/auth';
import type { PageServerLoad } from './$types';

const pageSize = 100;

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const actionParam = url.searchParams.get('action') ?? '';
	const action = audit.isAuditAction(actionParam) ? actionParam : undefined;
	const before = Number(url.searchParams.get('before')) || undefined;
	const events = await audit.listEvents(locals.db, { action, before, limit: pageSize + 1 });
	return {
		action: action ?? '',
		actions: audit.auditActions,
		events: events.slice(0, pageSize),
		olderThan: events.length > pageSize ? events[pageSize - 1]!.id : null
	};
};
