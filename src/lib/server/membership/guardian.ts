// What a guardian's mailed links may show of their child: found by the application the guardian consented to, the
// member made from it taking precedence (coordinators keep the member's guardian address up to date).
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { isUuid } from '../ids';
import { memberApplications, members } from './schema';
import { currentStatuses, type MemberStatus } from './vocabulary';

export interface GuardianChild {
	applicationId: string;
	/** The child's account, to gather their activity; null once erased. */
	userId: string | null;
	memberId: string | null;
	memberStatus: MemberStatus | null;
	nickname: string;
	guardianEmail: string;
	/** Whether the child is in the club now (a member, active or paused). */
	inClub: boolean;
	deletionRequested: boolean;
}

/** The child of an application, or null when it was erased (or never existed). */
export async function findGuardianChild(db: Database, applicationId: string): Promise<GuardianChild | null> {
	if (!isUuid(applicationId)) return null;
	const [row] = await db
		.select({ application: memberApplications, member: members })
		.from(memberApplications)
		.leftJoin(members, and(eq(members.applicationId, memberApplications.id), isNull(members.anonymisedAt)))
		.where(and(eq(memberApplications.id, applicationId), isNull(memberApplications.anonymisedAt)));
	if (!row) return null;
	const { application, member } = row;
	const guardianEmail = member?.guardianEmail ?? application.guardianEmail;
	if (!guardianEmail) return null;
	return {
		applicationId,
		userId: member?.userId ?? application.userId,
		memberId: member?.id ?? null,
		memberStatus: member?.status ?? null,
		nickname: member?.nickname ?? application.nickname ?? '',
		guardianEmail,
		inClub: member ? currentStatuses.includes(member.status) : false,
		deletionRequested: Boolean(member?.deletionRequestedAt)
	};
}
