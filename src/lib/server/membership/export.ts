// The member list as CSV for Excel. The columns are the roster import's, in Japanese, so an exported file can be
// read back by the import (which then leaves every row unchanged).
import type { Database } from '../db';
import * as audit from '../audit';
import { writeCsv } from '../csv';
import { japanDate } from '../../japan-time';
import { listMembersForExport, type MemberFilter } from './members';
import { rosterColumns } from './roster';
import type { Gender, Grade, MemberStatus } from './vocabulary';

const gradeText: Record<Grade | 'graduated', string> = {
	jh1: '中1',
	jh2: '中2',
	jh3: '中3',
	hs1: '高1',
	hs2: '高2',
	hs3: '高3',
	other: 'その他',
	graduated: '卒業済み'
};
const genderText: Record<Gender, string> = { female: '女性', male: '男性', other: 'その他', unanswered: '回答しない' };
const statusText: Record<MemberStatus, string> = { active: '活動中', paused: '休部中', alumni: '卒業', withdrawn: '退部' };

export async function exportMembers(db: Database, actor: audit.Actor, filter: MemberFilter, now = new Date()): Promise<{ csv: string; count: number }> {
	const today = japanDate(now);
	const members = await listMembersForExport(db, filter, today);
	const header = Object.values(rosterColumns).map((column) => column.header);
	const rows = members.map((member) => [
		member.memberNumber,
		member.fullName,
		member.nickname,
		member.school,
		member.grade ? gradeText[member.grade] : null,
		member.gender ? genderText[member.gender] : null,
		member.joinedOn,
		statusText[member.status],
		member.status === 'active' ? null : member.statusChangedOn,
		member.guardianName,
		member.guardianEmail
	]);
	await audit.record(db, actor, 'members_exported', {
		detail: {
			count: rows.length,
			search: filter.search ?? null,
			school: filter.schoolCode ?? null,
			grade: filter.grade ?? null,
			status: filter.status ?? null,
			joinYear: filter.joinYear ?? null
		}
	});
	return { csv: writeCsv([header, ...rows]), count: rows.length };
}
