import * as audit from '$lib/server/audit';
import * as auth from '$lib/server/auth';
import { lookUpSubjects } from './subjects.server';
import type { PageServerLoad } from './$types';

const pageSize = 100;

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const actionParam = url.searchParams.get('action') ?? '';
	const action = audit.isAuditAction(actionParam) ? actionParam : undefined;
	const before = Number(url.searchParams.get('before')) || undefined;
	const events = await audit.listEvents(locals.db, { action, before, limit: pageSize + 1 });
	const shown = events.slice(0, pageSize);
	return {
		action: action ?? '',
		actions: audit.auditActions,
		events: shown,
		subjects: await lookUpSubjects(locals.db, shown, locals.locale),
		olderThan: events.length > pageSize ? events[pageSize - 1]!.id : null
	};
};
