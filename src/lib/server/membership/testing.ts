// Test data for membership: valid application forms, members inserted directly (for the dashboard's fixtures),
// the guardian's link read from the outbox, and Shift_JIS bytes as Excel writes them.
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { outboxMail } from '../db/schema';
import * as auth from '../auth';
import { createUser, uniqueEmail, type TestUser } from '../testing/factories';
import type { ApplicationForm } from '../../validation/membership';
import { schoolYearOf } from '../../japan-time';
import { nextMemberNumber } from './numbers';
import { members, memberStatusChanges, type Member } from './schema';
import type { Applicant } from './applications';

export const testOrigin = 'https://portal.example.jp';

export function applicationFormFor(overrides: Partial<ApplicationForm> = {}): ApplicationForm {
	return {
		nickname: 'かなざわっこ',
		fullName: '金沢 花子',
		school: 'k-kenroku',
		schoolOther: undefined,
		grade: 'jh2',
		gender: 'unanswered',
		guardianName: '金沢 一郎',
		guardianEmail: uniqueEmail('guardian'),
		agree: 'on',
		...overrides
	};
}

export async function createApplicant(db: Database, options: { locale?: 'ja' | 'en' } = {}): Promise<TestUser & { applicant: Applicant }> {
	const user = await createUser(db);
	if (options.locale) await auth.setLocale(db, user.id, options.locale);
	return { ...user, applicant: { id: user.id, email: user.email, displayName: user.displayName, locale: options.locale ?? 'ja', emailVerified: true } };
}

/** The token of the newest consent link mailed to this guardian. */
export async function consentTokenFromMail(db: Database, guardianEmail: string): Promise<string | undefined> {
	const [mail] = await db.select().from(outboxMail).where(eq(outboxMail.toAddress, guardianEmail)).orderBy(desc(outboxMail.id)).limit(1);
	return /\/consent\/([a-z2-7]{32})/.exec(mail?.textBody ?? '')?.[1];
}

/** A member as if approved or imported long ago; status changes are recorded as dated history. */
export async function insertMember(
	db: Database,
	options: Partial<Pick<Member, 'schoolCode' | 'schoolOther' | 'grade' | 'gender' | 'userId' | 'fullName'>> & {
		joinedOn: string;
		status?: Member['status'];
		statusChangedOn?: string;
	}
): Promise<Member> {
	const status = options.status ?? 'active';
	const statusChangedOn = options.statusChangedOn ?? options.joinedOn;
	const [member] = await db
		.insert(members)
		.values({
			memberNumber: await nextMemberNumber(db, Number(options.joinedOn.slice(0, 4))),
			source: 'import',
			userId: options.userId ?? null,
			nickname: 'テスト部員',
			fullName: options.fullName ?? `部員 ${Math.random().toString(36).slice(2, 8)}`,
			schoolCode: options.schoolCode === undefined ? 'k-kenroku' : options.schoolCode,
			schoolOther: options.schoolOther ?? null,
			grade: options.grade === undefined ? 'jh1' : options.grade,
			gradeSchoolYear: options.grade === null ? null : schoolYearOf(options.joinedOn),
			gender: options.gender === undefined ? 'unanswered' : options.gender,
			joinedOn: options.joinedOn,
			status,
			statusChangedOn
		})
		.returning();
	await db.insert(memberStatusChanges).values({ memberId: member!.id, status: 'active', changedOn: options.joinedOn });
	if (status !== 'active') await db.insert(memberStatusChanges).values({ memberId: member!.id, status, changedOn: statusChangedOn });
	return member!;
}

let shiftJisTable: Map<string, number[]> | undefined;

/** Shift_JIS bytes of a text (Node has no Shift_JIS encoder; the table is the decoder's, run backwards). */
export function encodeShiftJis(text: string): Uint8Array {
	if (!shiftJisTable) {
		shiftJisTable = new Map();
		const decoder = new TextDecoder('shift_jis');
		for (let lead = 0x81; lead <= 0xfc; lead++) {
			if (lead > 0x9f && lead < 0xe0) continue;
			for (let trail = 0x40; trail <= 0xfc; trail++) {
				const char = decoder.decode(new Uint8Array([lead, trail]));
				if (char.length === 1 && char !== '\uFFFD' && !shiftJisTable.has(char)) shiftJisTable.set(char, [lead, trail]);
			}
		}
	}
	const bytes: number[] = [];
	for (const char of text) {
		if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
		else {
			const encoded = shiftJisTable.get(char);
			if (!encoded) throw new Error(`no Shift_JIS code for ${char}`);
			bytes.push(...encoded);
		}
	}
	return new Uint8Array(bytes);
}
