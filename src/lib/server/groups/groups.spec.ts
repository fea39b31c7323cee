// Groups: join codes that expire and cannot be guessed, coordinators' changes, and a progress page that a mentor sees
// only for the groups they are assigned to, with students' nicknames and grades and nothing more, each view audited.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { selectRows } from '../db';
import { users } from '../db/schema';
import { describeEachDatabase } from '../db/testing';
import * as audit from '../audit';
import { findMemberByUser } from '../membership';
import { requestReview } from '../reviews/requests';
import { createMentor, createStudentMember, judgedSubmission, reviewExerciseId, testOrigin } from '../reviews/testing';
import { createUser } from '../testing/factories';
import {
	addStudent,
	assignMentor,
	canViewGroup,
	createGroup,
	findGroup,
	groupsOfMentor,
	groupsOfStudent,
	leaveGroup,
	memberPage,
	removeStudent,
	setArchived,
	unassignMentor
} from './groups';
import { generateCode, issueJoinCode, joinAttemptLimits, joinCodeStatus, joinWithCode, normaliseCode } from './codes';
import { viewGroupProgress } from './progress';

describe('join codes as typed', () => {
	it('are ten letters from an alphabet without look-alikes, and forgive case, spaces and dashes', () => {
		const code = generateCode();
		expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
		expect(normaliseCode(` ${code.toLowerCase().replace('-', ' ')} `)).toBe(code.replace('-', ''));
		expect(normaliseCode('ABCDE-FGH2')).toBeNull();
		expect(normaliseCode('ABCDE-FGH2O')).toBeNull();
		expect(normaliseCode("' or 1=1 --")).toBeNull();
		expect(new Set(Array.from({ length: 200 }, generateCode)).size).toBe(200);
	});
});

describeEachDatabase('groups', (connection) => {
	const db = () => connection().db;
	let coordinator: { id: string; displayName: string };
	let exerciseId: string;
	let address = 0;
	/** A fresh client address per test, so the per-address limit of one test never touches another. */
	const nextAddress = () => `192.0.2.${++address}`;

	beforeAll(async () => {
		coordinator = await createUser(db(), { roles: ['coordinator'] });
		exerciseId = await reviewExerciseId(db());
	});

	async function groupWithCode(days: 1 | 7 | 14 | 30 | 90 = 14, now = new Date()) {
		const groupId = await createGroup(db(), coordinator, { name: `初心者クラス ${crypto.randomUUID().slice(0, 4)}`, description: null });
		const issued = await issueJoinCode(db(), coordinator, groupId, days, now);
		if (!issued.ok) throw new Error(issued.problem);
		return { groupId, code: issued.code, expiresAt: issued.expiresAt };
	}

	it('lets a student join with the code, in any case and spacing, once', async () => {
		const { groupId, code } = await groupWithCode();
		const student = await createStudentMember(db());
		const typed = code.toLowerCase().replace('-', ' ');
		expect(await joinWithCode(db(), { id: student.id, address: nextAddress() }, typed)).toMatchObject({ ok: true, groupId, alreadyMember: false });
		expect(await joinWithCode(db(), { id: student.id, address: nextAddress() }, code)).toMatchObject({ ok: true, groupId, alreadyMember: true });
		expect((await groupsOfStudent(db(), student.id)).map((group) => group.id)).toEqual([groupId]);
	});

	it('keeps only the hash of a code, and says when the current one expires without showing it', async () => {
		const { groupId, code, expiresAt } = await groupWithCode(7);
		const rows = await selectRows<{ row: string }>(
			db(),
			sql`select row_to_json(group_join_codes)::text as row from group_join_codes where group_id = ${groupId}`
		);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.row).not.toContain(code.replace('-', ''));
		expect(rows[0]!.row).not.toContain(code);
		expect(await joinCodeStatus(db(), groupId)).toMatchObject({ expiresAt });
	});

	it('refuses an expired code, a replaced code and the code of an archived group', async () => {
		const madeAt = new Date('2026-12-01T00:00:00Z');
		const { groupId, code, expiresAt } = await groupWithCode(1, madeAt);
		const student = await createStudentMember(db());
		const join = (typed: string, now?: Date) => joinWithCode(db(), { id: student.id, address: nextAddress() }, typed, now);
		expect(await join(code, new Date(expiresAt.getTime() - 1000))).toMatchObject({ ok: true });
		expect(await leaveGroup(db(), student.id, groupId)).toEqual({ ok: true });
		expect(await join(code, expiresAt)).toEqual({ ok: false, problem: 'groups_error_code_expired' });
		expect(await join(code, new Date(expiresAt.getTime() + 86_400_000))).toEqual({ ok: false, problem: 'groups_error_code_expired' });
		expect(await joinCodeStatus(db(), groupId, expiresAt)).toBeNull();

		const fresh = await groupWithCode();
		const replaced = await issueJoinCode(db(), coordinator, fresh.groupId, 14);
		if (!replaced.ok) throw new Error(replaced.problem);
		expect(await join(fresh.code)).toEqual({ ok: false, problem: 'groups_error_code_expired' });
		expect(await setArchived(db(), fresh.groupId, true)).toEqual({ ok: true });
		expect(await join(replaced.code)).toEqual({ ok: false, problem: 'groups_error_code_expired' });
		expect(await issueJoinCode(db(), coordinator, fresh.groupId, 14)).toEqual({ ok: false, problem: 'groups_error_archived' });
		expect(await groupsOfStudent(db(), student.id)).toEqual([]);
	});

	it('stops an account guessing after ten wrong codes, even before the right one, and forgives a success', async () => {
		const { groupId, code } = await groupWithCode();
		const guesser = await createStudentMember(db());
		const from = nextAddress();
		for (let attempt = 0; attempt < joinAttemptLimits.perAccount.limit; attempt++) {
			expect(await joinWithCode(db(), { id: guesser.id, address: from }, generateCode())).toEqual({ ok: false, problem: 'groups_error_code_unknown' });
		}
		expect(await joinWithCode(db(), { id: guesser.id, address: nextAddress() }, code)).toEqual({ ok: false, problem: 'groups_error_too_many_attempts' });
		expect((await memberPage(db(), groupId, 1)).total).toBe(0);
		// Malformed input is refused before counting, so it neither helps a guesser nor locks anyone out.
		expect(await joinWithCode(db(), { id: guesser.id, address: from }, 'x')).toEqual({ ok: false, problem: 'groups_error_code_format' });

		const typist = await createStudentMember(db());
		const own = nextAddress();
		for (let attempt = 0; attempt < joinAttemptLimits.perAccount.limit - 1; attempt++) {
			await joinWithCode(db(), { id: typist.id, address: own }, generateCode());
		}
		expect(await joinWithCode(db(), { id: typist.id, address: own }, code)).toMatchObject({ ok: true });
		expect(await joinWithCode(db(), { id: typist.id, address: own }, code)).toMatchObject({ ok: true, alreadyMember: true });
	});

	it('stops guessing from one address across many accounts', async () => {
		const { code } = await groupWithCode();
		const from = nextAddress();
		const accounts = await Promise.all(
			Array.from({ length: Math.ceil(joinAttemptLimits.perAddress.limit / 9) }, () => createUser(db(), { roles: ['student'] }))
		);
		let tried = 0;
		for (const account of accounts) {
			for (let attempt = 0; attempt < 9 && tried < joinAttemptLimits.perAddress.limit; attempt++, tried++) {
				expect(await joinWithCode(db(), { id: account.id, address: from }, generateCode())).toMatchObject({ ok: false, problem: 'groups_error_code_unknown' });
			}
		}
		const fresh = await createUser(db(), { roles: ['student'] });
		expect(await joinWithCode(db(), { id: fresh.id, address: from }, code)).toEqual({ ok: false, problem: 'groups_error_too_many_attempts' });
		expect(await joinWithCode(db(), { id: fresh.id, address: nextAddress() }, code)).toMatchObject({ ok: true });
	});

	it('counts members whoever adds or removes them, a deleted account included', async () => {
		const { groupId, code } = await groupWithCode();
		const students = await Promise.all([createStudentMember(db()), createStudentMember(db()), createStudentMember(db())]);
		await Promise.all(students.map((student) => joinWithCode(db(), { id: student.id, address: nextAddress() }, code)));
		expect((await findGroup(db(), groupId))!.memberCount).toBe(3);
		expect(await leaveGroup(db(), students[0]!.id, groupId)).toEqual({ ok: true });
		await db().delete(users).where(eq(users.id, students[1]!.id));
		expect((await findGroup(db(), groupId))!.memberCount).toBe(1);
		expect((await memberPage(db(), groupId, 1)).rows.map((row) => row.userId)).toEqual([students[2]!.id]);
	});

	it('lets only students join', async () => {
		const { code } = await groupWithCode();
		const mentor = await createMentor(db());
		expect(await joinWithCode(db(), { id: mentor.id, address: nextAddress() }, code)).toEqual({ ok: false, problem: 'groups_error_students_only' });
	});

	it('lets coordinators add students by member number or address, never a mentor, and remove them', async () => {
		const groupId = await createGroup(db(), coordinator, { name: '活動日コホート', description: '12月の活動日の参加者' });
		const byNumber = await createStudentMember(db());
		const byMail = await createStudentMember(db());
		const mentor = await createMentor(db());
		const member = await findMemberByUser(db(), byNumber.id);
		expect(await addStudent(db(), coordinator, groupId, member!.memberNumber.toLowerCase())).toEqual({ ok: true });
		expect(await addStudent(db(), coordinator, groupId, byMail.email.toUpperCase())).toEqual({ ok: true });
		expect(await addStudent(db(), coordinator, groupId, byMail.email)).toEqual({ ok: false, problem: 'groups_error_already_member' });
		expect(await addStudent(db(), coordinator, groupId, mentor.email)).toEqual({ ok: false, problem: 'groups_error_student_not_found' });
		expect(await addStudent(db(), coordinator, groupId, "x' or '1'='1")).toEqual({ ok: false, problem: 'groups_error_student_not_found' });
		const page = await memberPage(db(), groupId, 1);
		expect(page.total).toBe(2);
		expect(page.rows.every((row) => row.added)).toBe(true);
		expect(await removeStudent(db(), groupId, byMail.id)).toEqual({ ok: true });
		expect(await removeStudent(db(), groupId, byMail.id)).toEqual({ ok: false, problem: 'groups_error_not_found' });
		expect(await assignMentor(db(), coordinator, groupId, byNumber.id)).toEqual({ ok: false, problem: 'groups_error_mentor_not_found' });
		expect(await addStudent(db(), coordinator, crypto.randomUUID(), byMail.email)).toEqual({ ok: false, problem: 'groups_error_not_found' });
	});

	describe('the progress page', () => {
		let groupId: string;
		let assigned: Awaited<ReturnType<typeof createMentor>>;
		let outsider: Awaited<ReturnType<typeof createMentor>>;
		let solver: Awaited<ReturnType<typeof createStudentMember>>;
		let stuck: Awaited<ReturnType<typeof createStudentMember>>;
		const viewer = (person: { id: string; displayName: string }, roles: string[]) => ({ id: person.id, displayName: person.displayName, roles });

		beforeAll(async () => {
			const group = await groupWithCode();
			groupId = group.groupId;
			assigned = await createMentor(db());
			outsider = await createMentor(db());
			expect(await assignMentor(db(), coordinator, groupId, assigned.id)).toEqual({ ok: true });
			solver = await createStudentMember(db(), 'ひかり');
			stuck = await createStudentMember(db(), 'そら');
			for (const student of [solver, stuck]) {
				expect(await joinWithCode(db(), { id: student.id, address: nextAddress() }, group.code)).toMatchObject({ ok: true });
			}
			await judgedSubmission(db(), solver.id, exerciseId, { verdict: 'WA', createdAt: new Date('2026-12-01T10:00:00Z') });
			await judgedSubmission(db(), solver.id, exerciseId, { verdict: 'AC', createdAt: new Date('2026-12-02T10:00:00Z') });
			const wrong = await judgedSubmission(db(), stuck.id, exerciseId, { verdict: 'WA', createdAt: new Date('2026-12-03T10:00:00Z') });
			const asked = await requestReview(db(), stuck.id, { submissionId: wrong, kind: 'help', question: 'わかりません' }, { origin: testOrigin });
			expect(asked.ok).toBe(true);
		});

		it('shows the assigned mentor each student’s solved count, last submit and open help, by nickname and grade only', async () => {
			const progress = await viewGroupProgress(db(), viewer(assigned, ['mentor']), groupId);
			expect(progress).not.toBeNull();
			const rows = Object.fromEntries(progress!.members.rows.map((row) => [row.profile.nickname, row]));
			expect(rows['ひかり']).toMatchObject({ profile: { grade: expect.any(String) }, progress: { solved: 1, openHelpRequests: 0 } });
			expect(rows['ひかり']!.progress.lastActivityAt).toEqual(new Date('2026-12-02T10:00:00Z'));
			expect(rows['そら']).toMatchObject({ progress: { solved: 0, openHelpRequests: 1 } });
			expect(progress!.exercises).toEqual([
				expect.objectContaining({
					exerciseId,
					tried: 2,
					solved: 1,
					verdicts: [
						{ verdict: 'AC', students: 1 },
						{ verdict: 'WA', students: 1 }
					]
				})
			]);
			expect(progress!.helpRequests).toEqual([expect.objectContaining({ nickname: 'そら', claimed: false })]);
			const everything = JSON.stringify(progress);
			for (const secret of [solver.fullName, stuck.fullName, solver.email, stuck.email, 'k-kenroku']) expect(everything).not.toContain(secret);
		});

		it('shows a mentor outside the group nothing, not even that it exists, and audits only the views it allowed', async () => {
			const before = (await audit.listEvents(db(), { action: 'group_viewed', limit: 1000 })).length;
			expect(await viewGroupProgress(db(), viewer(outsider, ['mentor']), groupId)).toBeNull();
			expect(await viewGroupProgress(db(), viewer(outsider, ['mentor']), crypto.randomUUID())).toBeNull();
			expect(await viewGroupProgress(db(), viewer(outsider, ['mentor']), "'; drop table groups; --")).toBeNull();
			expect(await viewGroupProgress(db(), viewer(solver, ['student']), groupId)).toBeNull();
			expect(await groupsOfMentor(db(), outsider.id)).toEqual([]);
			expect((await audit.listEvents(db(), { action: 'group_viewed', limit: 1000 })).length).toBe(before);

			await viewGroupProgress(db(), viewer(assigned, ['mentor']), groupId);
			await viewGroupProgress(db(), viewer(coordinator, ['coordinator']), groupId);
			const [coordinatorView, mentorView] = await audit.listEvents(db(), { action: 'group_viewed', limit: 2 });
			expect(coordinatorView).toMatchObject({ actorId: coordinator.id, detail: { groupId } });
			expect(mentorView).toMatchObject({ actorId: assigned.id, detail: { groupId } });
		});

		it('closes the page to a mentor once removed or once the group is archived; coordinators still see it', async () => {
			const group = (await findGroup(db(), groupId))!;
			expect(await canViewGroup(db(), viewer(assigned, ['mentor']), group)).toBe(true);
			expect((await groupsOfMentor(db(), assigned.id)).map((found) => found.id)).toEqual([groupId]);
			expect(await setArchived(db(), groupId, true)).toEqual({ ok: true });
			expect(await viewGroupProgress(db(), viewer(assigned, ['mentor']), groupId)).toBeNull();
			expect(await groupsOfMentor(db(), assigned.id)).toEqual([]);
			expect(await viewGroupProgress(db(), viewer(coordinator, ['coordinator']), groupId)).not.toBeNull();
			expect(await setArchived(db(), groupId, false)).toEqual({ ok: true });
			expect(await unassignMentor(db(), groupId, assigned.id)).toEqual({ ok: true });
			expect(await viewGroupProgress(db(), viewer(assigned, ['mentor']), groupId)).toBeNull();
		});
	});
});
