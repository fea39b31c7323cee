import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { userRoles } from '../db/schema';
import { createUser } from '../testing/factories';
import { auditEvents } from '../audit/schema';
import { addNote, changeStatus, findMember, listMembers, viewMember } from './members';
import { insertMember } from './testing';
import { currentGrade } from './vocabulary';
import { schoolYearOf } from '../../japan-time';

describe('grades move on each April', () => {
	it('derives today’s grade from the recorded one', () => {
		expect(schoolYearOf('2024-03-31')).toBe(2023);
		expect(schoolYearOf('2024-04-01')).toBe(2024);
		expect(currentGrade('jh3', 2023, 2023)).toBe('jh3');
		expect(currentGrade('jh3', 2023, 2024)).toBe('hs1');
		expect(currentGrade('hs2', 2023, 2025)).toBe('graduated');
		expect(currentGrade('other', 2020, 2026)).toBe('other');
	});
});

describeEachDatabase('members', (connection) => {
	const db = () => connection().db;
	const coordinator = async () => {
		const user = await createUser(db(), { roles: ['coordinator'] });
		return { id: user.id, displayName: user.displayName };
	};

	it('dates every status change, moves the student role with it, and refuses impossible dates', async () => {
		const staff = await coordinator();
		const person = await createUser(db(), { roles: ['student'] });
		const member = await insertMember(db(), { joinedOn: '2024-04-01', userId: person.id });
		const today = '2026-11-30';
		expect(await changeStatus(db(), staff, member.id, { status: 'active', changedOn: today }, today)).toEqual({
			ok: false,
			problem: 'member_status_unchanged'
		});
		expect(await changeStatus(db(), staff, member.id, { status: 'paused', changedOn: '2024-03-01' }, today)).toEqual({
			ok: false,
			problem: 'member_status_date_invalid'
		});
		expect(await changeStatus(db(), staff, member.id, { status: 'paused', changedOn: '2026-12-01' }, today)).toEqual({
			ok: false,
			problem: 'member_status_date_invalid'
		});
		expect(await changeStatus(db(), staff, member.id, { status: 'alumni', changedOn: '2026-03-31', reason: '高校を卒業' }, today)).toEqual({ ok: true });
		expect(await db().select().from(userRoles).where(eq(userRoles.userId, person.id))).toEqual([]);
		expect(await changeStatus(db(), staff, member.id, { status: 'active', changedOn: '2026-03-30' }, today)).toEqual({
			ok: false,
			problem: 'member_status_date_invalid'
		});
		expect(await changeStatus(db(), staff, member.id, { status: 'active', changedOn: '2026-05-01' }, today)).toEqual({ ok: true });
		expect((await db().select().from(userRoles).where(eq(userRoles.userId, person.id))).map((row) => row.role)).toEqual(['student']);
		const detail = await findMember(db(), member.id, today);
		expect(detail?.history.map((change) => [change.status, change.changedOn, change.reason])).toEqual([
			['active', '2024-04-01', null],
			['alumni', '2026-03-31', '高校を卒業'],
			['active', '2026-05-01', null]
		]);
		expect(detail).toMatchObject({ status: 'active', statusChangedOn: '2026-05-01', hasAccount: true });
		expect(await changeStatus(db(), staff, 'nope', { status: 'paused', changedOn: today }, today)).toEqual({ ok: false, problem: 'member_not_found' });
	});

	it('filters by school, today’s grade, status, join year and name, and audits each detail view', async () => {
		const staff = await coordinator();
		const name = `検索 ${Math.random().toString(36).slice(2, 8)}`;
		const member = await insertMember(db(), { joinedOn: '2021-05-01', grade: 'jh1', schoolCode: 'k-izumi', fullName: name });
		await insertMember(db(), { joinedOn: '2021-06-01', grade: 'jh2', schoolCode: 'k-izumi' });
		const today = '2022-06-01';
		const ids = async (filter: Parameters<typeof listMembers>[1]) => (await listMembers(db(), filter, { limit: 50 }, today)).members.map((row) => row.id);
		expect(await ids({ search: name.slice(3) })).toEqual([member.id]);
		expect(await ids({ search: '100%_' })).toEqual([]);
		expect(await ids({ schoolCode: 'k-izumi', grade: 'jh2' })).toEqual([member.id]);
		expect((await ids({ schoolCode: 'k-izumi', joinYear: 2021 })).length).toBe(2);
		expect(await ids({ schoolCode: 'k-izumi', status: 'paused' })).toEqual([]);
		const page = await listMembers(db(), { schoolCode: 'k-izumi' }, { limit: 1 }, today);
		expect(page).toMatchObject({ total: 2, members: [{ id: member.id, grade: 'jh2', school: '金沢市立泉中学校' }] });

		expect(await viewMember(db(), staff, member.id)).toMatchObject({ fullName: name });
		expect(await addNote(db(), staff, member.id, '保護者から連絡あり')).toEqual({ ok: true });
		expect((await findMember(db(), member.id))?.notes).toMatchObject([{ body: '保護者から連絡あり', author: staff.displayName }]);
		const events = await db().select().from(auditEvents).where(eq(auditEvents.memberId, member.id));
		expect(events.map((event) => event.action).sort()).toEqual(['member_note_added', 'member_viewed']);
	});

	it('keeps the audit log append-only', async () => {
		await expect(db().execute(sql`update audit_events set actor_name = 'someone else'`)).rejects.toThrow();
		await expect(db().execute(sql`delete from audit_events`)).rejects.toThrow();
	});
});
