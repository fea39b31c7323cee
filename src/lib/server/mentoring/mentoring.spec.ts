import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { outboxMail } from '../db/schema';
import * as audit from '../audit';
import * as auth from '../auth';
import { insertMember } from '../membership/testing';
import { createUser, type TestUser } from '../testing/factories';
import { participationOf, rsvp, signUpMentor } from '../club-sessions/participation';
import { sessionRoster } from '../club-sessions/roster';
import { createTestSession } from '../club-sessions/testing';
import {
	approveMentorApplication,
	latestMentorApplication,
	listMentorApplications,
	rejectMentorApplication,
	submitMentorApplication,
	viewMentorApplication,
	type MentorApplicant
} from './applications';
import { listMentors, mentorsByOrganisation, reactivateMentor } from './mentors';
import { deactivateMentor } from '../mentor-deactivation';
import { createOrganisation, listOrganisations, partnerChoices, updateOrganisation } from './organisations';
import { studentPublicProfile } from './profiles';
import { createPartner, mentorApplicationFor } from './testing';

const origin = 'https://portal.example.jp';

describeEachDatabase('mentoring', (connection) => {
	const db = () => connection().db;
	const applicantOf = (user: TestUser, roles: string[] = []): MentorApplicant => ({ id: user.id, locale: 'ja', emailVerified: true, roles });
	const actorOf = (user: TestUser) => ({ id: user.id, displayName: user.displayName });

	async function approvedMentor(coordinator: TestUser, organisationId: string | null = null) {
		const person = await createUser(db());
		const form = organisationId ? mentorApplicationFor({ organisationId, organisationOther: null }) : mentorApplicationFor();
		expect(await submitMentorApplication(db(), applicantOf(person), form)).toEqual({ ok: true });
		const application = await latestMentorApplication(db(), person.id);
		expect(await approveMentorApplication(db(), actorOf(coordinator), application!.id, origin)).toEqual({ ok: true });
		return person;
	}

	it('takes an application, shows it whole to a coordinator (audited), and approval makes a mentor', async () => {
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		const partner = await createPartner(db());
		const person = await createUser(db());
		const form = mentorApplicationFor({ organisationId: partner, organisationOther: null, languages: ['python', 'javascript'], skillsNote: 'Web' });
		expect(await submitMentorApplication(db(), applicantOf(person), form)).toEqual({ ok: true });
		expect(await submitMentorApplication(db(), applicantOf(person), form)).toEqual({ ok: false, problem: 'mentor_error_already_open' });
		const [queued] = (await listMentorApplications(db())).filter((application) => application.fullName === form.fullName);
		expect(queued).toMatchObject({ status: 'awaiting_review', affiliation: 'company_engineer' });

		expect(await latestMentorApplication(db(), person.id)).toMatchObject({ status: 'awaiting_review', firstViewedAt: null, reviewedAt: null });
		const firstLook = new Date('2026-12-01T01:00:00Z');
		const detail = await viewMentorApplication(db(), actorOf(coordinator), queued!.id, firstLook);
		// The applicant's status page now says a coordinator is reviewing it; a second look does not move the date.
		await viewMentorApplication(db(), actorOf(coordinator), queued!.id, new Date('2026-12-02T01:00:00Z'));
		expect(await latestMentorApplication(db(), person.id)).toMatchObject({ status: 'awaiting_review', firstViewedAt: firstLook });
		expect(detail).toMatchObject({
			fullName: '犀川 たける',
			partner: true,
			languages: ['python', 'javascript'],
			skillsNote: 'Web',
			motivation: form.motivation,
			codeOfConductVersion: '2026-11',
			accountEmail: person.email
		});
		const [viewed] = await audit.listEvents(db(), { action: 'mentor_application_viewed', limit: 1 });
		expect(viewed).toMatchObject({ actorId: coordinator.id, detail: { applicationId: queued!.id } });

		expect(await approveMentorApplication(db(), actorOf(coordinator), queued!.id, origin)).toEqual({ ok: true });
		expect(await approveMentorApplication(db(), actorOf(coordinator), queued!.id, origin)).toEqual({ ok: false, problem: 'mentor_error_not_reviewable' });
		const { token } = await auth.createSession(db(), person.id);
		expect((await auth.validateSessionToken(db(), token))?.user.roles).toEqual(['mentor']);
		const [mail] = await db().select().from(outboxMail).where(eq(outboxMail.toAddress, person.email));
		expect(mail).toMatchObject({ kind: 'mentor_approved', subject: '【金沢IT部活】メンターとして承認されました' });
		expect(mail!.textBody).toContain(`${origin}/mentor`);
		expect((await listMentors(db())).find((mentor) => mentor.userId === person.id)).toMatchObject({ active: true, affiliation: 'company_engineer' });
	});

	it('rejects with a reason the applicant is mailed, and lets them apply again', async () => {
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		const person = await createUser(db());
		await submitMentorApplication(db(), applicantOf(person), mentorApplicationFor());
		const application = await latestMentorApplication(db(), person.id);
		expect(await rejectMentorApplication(db(), actorOf(coordinator), application!.id, '今は募集していません。')).toEqual({ ok: true });
		expect(await latestMentorApplication(db(), person.id)).toMatchObject({ status: 'rejected', rejectionReason: '今は募集していません。' });
		const [mail] = await db().select().from(outboxMail).where(eq(outboxMail.toAddress, person.email));
		expect(mail?.textBody).toContain('今は募集していません。');
		expect(await submitMentorApplication(db(), applicantOf(person), mentorApplicationFor())).toEqual({ ok: true });
	});

	it('refuses applications without a confirmed address, from mentors, and naming an archived partner', async () => {
		const person = await createUser(db());
		expect(await submitMentorApplication(db(), { ...applicantOf(person), emailVerified: false }, mentorApplicationFor())).toEqual({
			ok: false,
			problem: 'mentor_error_email_unverified'
		});
		expect(await submitMentorApplication(db(), applicantOf(person, ['mentor']), mentorApplicationFor())).toEqual({
			ok: false,
			problem: 'mentor_error_already_mentor'
		});
		const partner = await createPartner(db());
		const organisation = (await listOrganisations(db())).find((row) => row.id === partner)!;
		await updateOrganisation(db(), partner, { name: organisation.name, kind: 'university', website: undefined, archived: true });
		expect((await partnerChoices(db())).map((choice) => choice.id)).not.toContain(partner);
		expect(await submitMentorApplication(db(), applicantOf(person), mentorApplicationFor({ organisationId: partner, organisationOther: null }))).toEqual({
			ok: false,
			problem: 'mentor_error_organisation_unknown'
		});
	});

	it('refuses a deactivated mentor on the very next request, and cancels their upcoming sign-ups', async () => {
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		const mentor = await approvedMentor(coordinator);
		const sessionId = await createTestSession(db());
		await signUpMentor(db(), sessionId, mentor.id);
		const { token } = await auth.createSession(db(), mentor.id);
		expect((await auth.validateSessionToken(db(), token))?.user.roles).toContain('mentor');

		expect(await deactivateMentor(db(), actorOf(coordinator), mentor.id, '行動規範への違反')).toEqual({ ok: true });
		const next = await auth.validateSessionToken(db(), token);
		expect(next?.user.roles).not.toContain('mentor');
		expect(() => auth.requireRole({ user: next!.user, session: next!.session }, 'mentor')).toThrow();
		expect(await participationOf(db(), mentor.id, [sessionId])).toEqual({});
		expect((await listMentors(db())).find((row) => row.userId === mentor.id)).toMatchObject({ active: false, deactivationReason: '行動規範への違反' });
		expect(await submitMentorApplication(db(), applicantOf(mentor), mentorApplicationFor())).toEqual({ ok: false, problem: 'mentor_error_deactivated' });

		expect(await reactivateMentor(db(), actorOf(coordinator), mentor.id)).toEqual({ ok: true });
		expect((await auth.validateSessionToken(db(), token))?.user.roles).toContain('mentor');
		expect(await deactivateMentor(db(), actorOf(coordinator), (await createUser(db())).id, undefined)).toEqual({
			ok: false,
			problem: 'mentor_error_not_found'
		});
	});

	it('counts active mentors by partner organisation', async () => {
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		const partner = await createPartner(db(), 'company');
		const [first, second] = [await approvedMentor(coordinator, partner), await approvedMentor(coordinator, partner)];
		await approvedMentor(coordinator);
		const before = await mentorsByOrganisation(db());
		expect(before.find((row) => row.key === `partner:${partner}`)?.count).toBe(2);
		await deactivateMentor(db(), actorOf(coordinator), second.id, undefined);
		await auth.setDisabled(db(), first.id, true);
		expect((await mentorsByOrganisation(db())).find((row) => row.key === `partner:${partner}`)).toBeUndefined();
		expect((await listOrganisations(db())).find((row) => row.id === partner)?.activeMentors).toBe(0);
		const total = (await mentorsByOrganisation(db())).reduce((sum, row) => sum + row.count, 0);
		expect(total).toBe((await listMentors(db())).filter((mentor) => mentor.active).length);
	});

	it('keeps partner names unique whatever their case', async () => {
		const name = `Kanazawa Tech ${crypto.randomUUID().slice(0, 6)}`;
		expect(await createOrganisation(db(), { name, kind: 'company', website: 'https://example.jp', archived: false })).toHaveProperty('id');
		expect(await createOrganisation(db(), { name: name.toUpperCase(), kind: 'company', website: undefined, archived: false })).toEqual({
			ok: false,
			problem: 'org_error_name_taken'
		});
	});

	it('shows mentors a student’s nickname and grade, never their personal fields', async () => {
		const student = await createUser(db(), { roles: ['student'], displayName: 'ハンドル' });
		await insertMember(db(), { userId: student.id, joinedOn: '2026-04-10', grade: 'jh2', fullName: '金沢 花子', schoolCode: 'k-kenroku', gender: 'female' });
		const profile = await studentPublicProfile(db(), student.id, '2026-11-30');
		expect(profile).toEqual({ nickname: 'テスト部員', grade: 'jh2' });

		const sessionId = await createTestSession(db());
		await rsvp(db(), sessionId, student.id);
		const roster = await sessionRoster(db(), sessionId, '2026-11-30');
		expect(roster.students).toEqual([{ nickname: 'テスト部員', grade: 'jh2', status: 'confirmed' }]);
		const everything = JSON.stringify(roster);
		for (const secret of ['金沢 花子', 'k-kenroku', 'female', student.email, 'guardian']) expect(everything).not.toContain(secret);

		const withoutMembership = await createUser(db(), { roles: ['student'], displayName: 'ゲスト' });
		expect(await studentPublicProfile(db(), withoutMembership.id)).toEqual({ nickname: 'ゲスト', grade: null });
	});
});
