import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { userRoles } from '../db/schema';
import { createUser } from '../testing/factories';
import { auditEvents } from '../audit/schema';
import { approveApplication, decideConsent, latestApplication, submitApplication } from './applications';
import { addNote, findMember } from './members';
import { anonymiseMember, hasErasableApplications, requestDeletion } from './privacy';
import { exportOwnData } from '../own-data';
import { addLineComment, claimReview, postReview, reply, requestReview } from '../reviews';
import { createMentor, createStudentMember, judgedSubmission, reviewExerciseId } from '../reviews/testing';
import { memberApplications, members } from './schema';
import { applicationFormFor, consentTokenFromMail, createApplicant, testOrigin } from './testing';

describeEachDatabase('a member’s own data', (connection) => {
	const db = () => connection().db;

	async function approvedMember() {
		const staffUser = await createUser(db(), { roles: ['coordinator'] });
		const staff = { id: staffUser.id, displayName: staffUser.displayName };
		const person = await createApplicant(db());
		const form = applicationFormFor();
		await submitApplication(db(), person.applicant, form, testOrigin);
		await decideConsent(db(), (await consentTokenFromMail(db(), form.guardianEmail))!, 'consent');
		const approved = await approveApplication(db(), staff, (await latestApplication(db(), person.id))!.id, testOrigin);
		if (!approved.ok) throw new Error(approved.problem);
		return { staff, person, form, memberId: approved.memberId, memberNumber: approved.memberNumber };
	}

	it('downloads everything kept about the person, notes included, and logs it', async () => {
		const { staff, person, form, memberId, memberNumber } = await approvedMember();
		await addNote(db(), staff, memberId, '活動日に来られない日が多い');
		const me = { id: person.id, displayName: person.displayName };
		const data = await exportOwnData(db(), me);
		expect(data.account).toMatchObject({ email: person.email, roles: ['student'] });
		expect(data.membership).toMatchObject({
			memberNumber,
			fullName: '金沢 花子',
			school: '金沢市立兼六中学校',
			guardianEmail: form.guardianEmail,
			status: 'active',
			statusHistory: [{ status: 'active' }],
			notesByCoordinators: [{ body: '活動日に来られない日が多い' }]
		});
		expect(data.applications).toMatchObject([{ status: 'approved', guardianEmail: form.guardianEmail, privacyStatementVersion: '2026-11' }]);
		expect(await db().select().from(auditEvents).where(eq(auditEvents.actorId, person.id))).toMatchObject([{ action: 'own_data_exported', memberId }]);
	});

	it('a deletion request is carried out by a coordinator: personal fields go, the membership keeps counting', async () => {
		const { staff, person, memberId, memberNumber } = await approvedMember();
		const me = { id: person.id, displayName: person.displayName };
		expect(await requestDeletion(db(), me, '引っ越すため')).toBe('requested');
		expect(await requestDeletion(db(), me, undefined)).toBe('already_requested');
		expect((await findMember(db(), memberId))?.deletionRequested).toBe(true);

		const carriedOutAt = new Date('2030-01-15T03:00:00Z');
		expect(await anonymiseMember(db(), staff, memberId, carriedOutAt)).toEqual({ ok: true });
		expect(await anonymiseMember(db(), staff, memberId)).toEqual({ ok: false, problem: 'member_anonymised' });
		const [member] = await db().select().from(members).where(eq(members.id, memberId));
		expect(member).toMatchObject({
			memberNumber,
			nickname: null,
			fullName: null,
			schoolCode: null,
			grade: null,
			gender: null,
			guardianName: null,
			guardianEmail: null,
			userId: null,
			status: 'withdrawn',
			statusChangedOn: '2030-01-15'
		});
		expect(member!.joinedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const detail = await findMember(db(), memberId);
		expect(detail?.notes).toEqual([]);
		expect(detail?.history.map((change) => change.status)).toEqual(['active', 'withdrawn']);
		const applications = await db().select().from(memberApplications).where(eq(memberApplications.id, member!.applicationId!));
		expect(applications).toMatchObject([{ fullName: null, guardianEmail: null, userId: null, status: 'approved' }]);
		expect(await db().select().from(userRoles).where(eq(userRoles.userId, person.id))).toEqual([]);
		expect((await exportOwnData(db(), me)).membership).toBeNull();
	});

	it('someone who never became a member has their applications erased at once', async () => {
		const person = await createApplicant(db());
		await submitApplication(db(), person.applicant, applicationFormFor(), testOrigin);
		const me = { id: person.id, displayName: person.displayName };
		expect(await hasErasableApplications(db(), person.id)).toBe(true);
		expect(await requestDeletion(db(), me, undefined)).toBe('applications_erased');
		expect(await latestApplication(db(), person.id)).toBeNull();
		// Nothing left: the page offers no second deletion.
		expect(await hasErasableApplications(db(), person.id)).toBe(false);
		expect(await requestDeletion(db(), me, undefined)).toBe('nothing_to_delete');
	});

	it('includes the student’s review requests: iterations, the published thread, mentors by display name only', async () => {
		const student = await createStudentMember(db());
		const mentor = await createMentor(db());
		const exerciseId = await reviewExerciseId(db());
		const context = { origin: 'https://portal.example.jp' };
		const first = await judgedSubmission(db(), student.id, exerciseId);
		const asked = await requestReview(db(), student.id, { submissionId: first, kind: 'help', question: '3行目が分かりません' }, context);
		if (!asked.ok) throw new Error(asked.problem);
		await claimReview(db(), mentor.id, asked.id);
		await addLineComment(db(), mentor.id, asked.id, { iteration: 1, line: 3, body: 'ここで名前を表示しています' });
		await postReview(db(), mentor.id, asked.id, { body: '挨拶を直しましょう', outcome: 'changes_requested' }, context);
		await reply(db(), { id: student.id, as: 'student' }, asked.id, 'やってみます', context);
		const second = await judgedSubmission(db(), student.id, exerciseId, { verdict: 'AC' });
		await requestReview(db(), student.id, { submissionId: second, kind: 'review', question: undefined }, context);
		await addLineComment(db(), mentor.id, asked.id, { iteration: 2, line: 1, body: 'まだ下書きのコメント' });

		const data = await exportOwnData(db(), { id: student.id, displayName: student.displayName });
		expect(data.reviewRequests).toMatchObject([
			{
				exercise: { slug: 'hello-world' },
				kind: 'review',
				question: '3行目が分かりません',
				status: 'claimed',
				mentor: mentor.displayName,
				iterations: [
					{ number: 1, submissionId: first },
					{ number: 2, submissionId: second }
				],
				comments: [
					{ authorRole: 'mentor', mentor: mentor.displayName, iteration: 1, line: 3, body: 'ここで名前を表示しています', outcome: null },
					{ authorRole: 'mentor', mentor: mentor.displayName, iteration: 1, line: null, body: '挨拶を直しましょう', outcome: 'changes_requested' },
					{ authorRole: 'student', iteration: 1, line: null, body: 'やってみます' }
				]
			}
		]);
		const exported = JSON.stringify(data.reviewRequests);
		for (const hidden of [mentor.id, mentor.email, 'まだ下書きのコメント']) expect(exported).not.toContain(hidden);
		const mentorData = await exportOwnData(db(), { id: mentor.id, displayName: mentor.displayName });
		expect(mentorData.reviewRequests).toEqual([]);
		// A mentor's download holds what they wrote, drafts included, and nothing about the student.
		expect(mentorData.reviewCommentsWritten.map((comment) => [comment.iteration, comment.line, comment.body, comment.publishedAt === null])).toEqual([
			[1, 3, 'ここで名前を表示しています', false],
			[1, null, '挨拶を直しましょう', false],
			[2, 1, 'まだ下書きのコメント', true]
		]);
		for (const hidden of [student.id, student.fullName, 'かなざわ', 'やってみます'])
			expect(JSON.stringify(mentorData.reviewCommentsWritten)).not.toContain(hidden);
	});
});
