// A guardian's requests about their child's data, from the link in each digest and in the consent receipt: a copy of
// the data (the same document as the member's own download, mailed as a short-lived link to the guardian's address
// on record, never to an address typed in), and deletion under the member's own rules (membership/privacy.ts).
import type { Database } from '../db';
import * as audit from '../audit';
import * as mail from '../mail';
import * as membership from '../membership';
import * as rateLimit from '../ratelimit';
import { exportPersonData } from '../own-data';
import { japanDate } from '../../japan-time';
import { ok, refuse, type Outcome } from '../outcome';
import { issueGuardianLink, linkLifetimeMs, resolveGuardianLink } from './links';
import { guardianLocale, type LinkContext } from './preferences';

/** Export mails one child's guardian can cause per day. */
const exportMailWindow: rateLimit.Window = { limit: 3, windowMs: 24 * 60 * 60 * 1000 };

export type GuardianRequestProblem = 'guardians_error_link' | 'guardians_error_too_many_mails' | 'guardians_error_no_account';

export interface DataRequestPage {
	nickname: string;
	deletionRequested: boolean;
}

async function childOfLink(db: Database, token: string, purpose: 'data' | 'export', context: LinkContext) {
	const applicationId = await resolveGuardianLink(db, token, purpose, context);
	return applicationId ? membership.findGuardianChild(db, applicationId) : null;
}

/** What the data-request page shows; null for an unknown or expired link, or a child whose data is already erased. */
export async function findDataRequestPage(db: Database, token: string, context: LinkContext): Promise<DataRequestPage | null> {
	const child = await childOfLink(db, token, 'data', context);
	return child && { nickname: child.nickname, deletionRequested: child.deletionRequested };
}

/** Mails the guardian on record a link to download the child's data. */
export async function requestDataCopy(db: Database, token: string, origin: string, context: LinkContext): Promise<Outcome<GuardianRequestProblem>> {
	const child = await childOfLink(db, token, 'data', context);
	if (!child) return refuse('guardians_error_link');
	if (!child.userId) return refuse('guardians_error_no_account');
	if (!(await rateLimit.tryConsume(db, `guardian-export:${child.applicationId}`, exportMailWindow))) return refuse('guardians_error_too_many_mails');
	const exportToken = await issueGuardianLink(db, child.applicationId, 'export', context.now);
	const locale = await guardianLocale(db, child.applicationId);
	await mail.enqueueMail(db, {
		kind: 'guardian_data_export',
		to: child.guardianEmail,
		...mail.guardianExportMail(locale, {
			nickname: child.nickname,
			link: `${origin}/guardians/export/${exportToken}`,
			expiresOn: japanDate(new Date(context.now.getTime() + linkLifetimeMs.export))
		})
	});
	return ok;
}

/** Whether an export link still works, and for whom (the page before the download). */
export async function findExport(db: Database, token: string, context: LinkContext): Promise<{ nickname: string } | null> {
	const child = await childOfLink(db, token, 'export', context);
	return child?.userId ? { nickname: child.nickname } : null;
}

/** The child's data document, written to the audit log as exported by their guardian; null for a dead link. */
export async function downloadExport(db: Database, token: string, context: LinkContext) {
	const child = await childOfLink(db, token, 'export', context);
	if (!child?.userId) return null;
	return exportPersonData(db, child.userId, membership.guardianActor satisfies audit.Outsider, context.now);
}

/** The guardian asks for the child's data to be deleted. */
export async function requestChildDeletion(
	db: Database,
	token: string,
	context: LinkContext
): Promise<Outcome<GuardianRequestProblem, { outcome: membership.DeletionOutcome }>> {
	const child = await childOfLink(db, token, 'data', context);
	if (!child) return refuse('guardians_error_link');
	return { ok: true, outcome: await membership.requestDeletionByGuardian(db, child.applicationId, context.now) };
}
