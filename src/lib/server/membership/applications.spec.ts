import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { outboxMail, userRoles } from '../db/schema';
import { mailFormWindows } from '../mail';
import { createUser, uniqueEmail } from '../testing/factories';
import { auditEvents } from '../audit/schema';
import {
	approveApplication,
	cancelApplication,
	decideConsent,
	findConsentRequest,
	latestApplication,
	listApplications,
	rejectApplication,
	resendConsentRequest,
	submitApplication,
	viewApplication
} from './applications';
import { consentLinkLifetimeMs } from './consent';
import { members, memberStatusChanges } from './schema';
import { applicationFormFor, consentTokenFromMail, createApplicant, testOrigin } from './testing';

describeEachDatabase('joining with guardian consent', (connection) => {
	const db = () => connection().db;
	const coordinator = async () => {
		const user = await createUser(db(), { roles: ['coordinator'] });
		return { id: user.id, displayName: user.displayName };
	};

	it('mails the guardian a single-use link; consent then approval makes a member with a number, a join date and the student role', async () => {
		const person = await createApplicant(db());
		const form = applicationFormFor();
		const appliedAt = new Date('2026-04-10T03:00:00Z');
		expect(await submitApplication(db(), person.applicant, form, testOrigin, appliedAt)).toEqual({ ok: true });
		expect((await latestApplication(db(), person.id))?.status).toBe('awaiting_consent');

		const [request] = await db().select().from(outboxMail).where(eq(outboxMail.toAddress, form.guardianEmail));
		expect(request?.subject).toBe('【金沢IT部活】金沢 花子さんの入部への同意のお願い');
		expect(request?.textBody).toContain('2026-04-24まで有効');
		const token = await consentTokenFromMail(db(), form.guardianEmail);
		expect(await findConsentRequest(db(), token!, appliedAt)).toMatchObject({ childName: '金沢 花子', school: '金沢市立兼六中学校', grade: 'jh2' });

		const staff = await coordinator();
		// Not before the guardian has answered.
		const applicationId = (await latestApplication(db(), person.id))!.id;
		expect((await listApplications(db())).find((application) => application.id === applicationId)?.status).toBe('awaiting_consent');
		expect(await approveApplication(db(), staff, applicationId, testOrigin)).toEqual({ ok: false, problem: 'applications_error_not_reviewable' });

		expect(await decideConsent(db(), token!, 'consent', new Date('2026-04-11T00:00:00Z'))).toBe(true);
		expect(await decideConsent(db(), token!, 'consent', new Date('2026-04-11T00:00:01Z'))).toBe(false);
		expect(await decideConsent(db(), token!, 'decline', new Date('2026-04-11T00:00:01Z'))).toBe(false);
		expect(await findConsentRequest(db(), token!)).toBeNull();
		expect((await latestApplication(db(), person.id))?.status).toBe('awaiting_review');

		// Just after midnight in Japan on 1 April is still 31 March in UTC: the join date is Japan's.
		const approvedAt = new Date('2026-03-31T15:30:00Z'); // 2026-04-01 00:30 in Japan
		const approved = await approveApplication(db(), staff, applicationId, testOrigin, approvedAt);
		expect(approved).toMatchObject({ memberNumber: expect.stringMatching(/^KIB-2026-\d{4}$/) });
		const [member] = await db().select().from(members).where(eq(members.userId, person.id));
		expect(member).toMatchObject({ joinedOn: '2026-04-01', status: 'active', statusChangedOn: '2026-04-01', gradeSchoolYear: 2026, fullName: '金沢 花子' });
		const history = await db().select().from(memberStatusChanges).where(eq(memberStatusChanges.memberId, member!.id));
		expect(history.map((change) => [change.status, change.changedOn])).toEqual([['active', '2026-04-01']]);
		const roles = await db().select().from(userRoles).where(eq(userRoles.userId, person.id));
		expect(roles.map((row) => row.role)).toEqual(['student']);
		const [welcome] = await db()
			.select()
			.from(outboxMail)
			.where(and(eq(outboxMail.toAddress, person.email), eq(outboxMail.kind, 'membership_approved')));
		expect(welcome?.textBody).toContain(member!.memberNumber);

		expect(await approveApplication(db(), staff, applicationId, testOrigin)).toEqual({ ok: false, problem: 'applications_error_not_reviewable' });
		expect(await submitApplication(db(), person.applicant, applicationFormFor(), testOrigin)).toEqual({ ok: false, problem: 'join_error_already_member' });
	});

	it('gives consecutive member numbers within a year', async () => {
		const staff = await coordinator();
		const numbers: string[] = [];
		for (let i = 0; i < 2; i++) {
			const person = await createApplicant(db());
			const form = applicationFormFor();
			await submitApplication(db(), person.applicant, form, testOrigin);
			await decideConsent(db(), (await consentTokenFromMail(db(), form.guardianEmail))!, 'consent');
			const result = await approveApplication(db(), staff, (await latestApplication(db(), person.id))!.id, testOrigin, new Date('2031-06-01T00:00:00Z'));
			if (!result.ok) throw new Error(result.problem);
			numbers.push(result.memberNumber);
		}
		expect(numbers).toEqual(['KIB-2031-0001', 'KIB-2031-0002']);
	});

	it('refuses a consent link after 14 days, and a resent link replaces the old one', async () => {
		const person = await createApplicant(db());
		const form = applicationFormFor();
		const sentAt = new Date('2026-05-01T00:00:00Z');
		await submitApplication(db(), person.applicant, form, testOrigin, sentAt);
		const first = (await consentTokenFromMail(db(), form.guardianEmail))!;
		const expired = new Date(sentAt.getTime() + consentLinkLifetimeMs);
		expect(await findConsentRequest(db(), first, new Date(expired.getTime() - 1000))).not.toBeNull();
		expect(await findConsentRequest(db(), first, expired)).toBeNull();
		expect(await decideConsent(db(), first, 'consent', expired)).toBe(false);
		expect((await latestApplication(db(), person.id))?.status).toBe('awaiting_consent');

		expect(await resendConsentRequest(db(), person.id, testOrigin)).toEqual({ ok: true });
		const second = (await consentTokenFromMail(db(), form.guardianEmail))!;
		expect(second).not.toBe(first);
		expect(await decideConsent(db(), first, 'consent')).toBe(false);
		expect(await resendConsentRequest(db(), person.id, testOrigin)).toEqual({ ok: true });
		expect(await resendConsentRequest(db(), person.id, testOrigin)).toEqual({ ok: false, problem: 'join_error_too_many_mails' });
		expect(await decideConsent(db(), second, 'consent')).toBe(false);
		expect(await decideConsent(db(), (await consentTokenFromMail(db(), form.guardianEmail))!, 'consent')).toBe(true);
	});

	it('stops when the guardian declines, and lets the person apply again', async () => {
		const person = await createApplicant(db(), { locale: 'en' });
		const form = applicationFormFor();
		await submitApplication(db(), person.applicant, form, testOrigin);
		expect(await decideConsent(db(), (await consentTokenFromMail(db(), form.guardianEmail))!, 'decline')).toBe(true);
		expect((await latestApplication(db(), person.id))?.status).toBe('consent_declined');
		const [notice] = await db().select().from(outboxMail).where(eq(outboxMail.toAddress, person.email));
		expect(notice?.subject).toBe('[Kanazawa IT-bu] About your application');
		expect(await submitApplication(db(), person.applicant, applicationFormFor(), testOrigin)).toEqual({ ok: true });
	});

	it('rejects with a reason the applicant sees, by mail and on the join page', async () => {
		const staff = await coordinator();
		const person = await createApplicant(db());
		const form = applicationFormFor();
		await submitApplication(db(), person.applicant, form, testOrigin);
		await decideConsent(db(), (await consentTokenFromMail(db(), form.guardianEmail))!, 'consent');
		const applicationId = (await latestApplication(db(), person.id))!.id;
		const reason = '金沢市外の学校のため、今年度は受け付けていません。';
		expect(await rejectApplication(db(), staff, applicationId, reason)).toEqual({ ok: true });
		expect(await latestApplication(db(), person.id)).toMatchObject({ status: 'rejected', rejectionReason: reason });
		const [mail] = await db()
			.select()
			.from(outboxMail)
			.where(and(eq(outboxMail.toAddress, person.email), eq(outboxMail.kind, 'membership_rejected')));
		expect(mail?.textBody).toContain(reason);
		expect(await rejectApplication(db(), staff, applicationId, reason)).toEqual({ ok: false, problem: 'applications_error_not_reviewable' });
		expect(await approveApplication(db(), staff, applicationId, testOrigin)).toEqual({ ok: false, problem: 'applications_error_not_reviewable' });
		expect(await db().select().from(members).where(eq(members.userId, person.id))).toHaveLength(0);
		expect(await rejectApplication(db(), staff, 'not-an-id', reason)).toEqual({ ok: false, problem: 'applications_error_not_found' });
	});

	it('refuses an unverified account, a second open application and the applicant’s own address as the guardian’s', async () => {
		const person = await createApplicant(db());
		expect(await submitApplication(db(), { ...person.applicant, emailVerified: false }, applicationFormFor(), testOrigin)).toEqual({
			ok: false,
			problem: 'join_error_email_unverified'
		});
		expect(await submitApplication(db(), person.applicant, applicationFormFor({ guardianEmail: person.email.toUpperCase() }), testOrigin)).toEqual({
			ok: false,
			problem: 'join_error_guardian_is_self'
		});
		expect(await submitApplication(db(), person.applicant, applicationFormFor(), testOrigin)).toEqual({ ok: true });
		expect(await submitApplication(db(), person.applicant, applicationFormFor(), testOrigin)).toEqual({ ok: false, problem: 'join_error_already_open' });
		expect(await cancelApplication(db(), person.id)).toBe(true);
		expect(await submitApplication(db(), person.applicant, applicationFormFor(), testOrigin)).toEqual({ ok: true });
	});

	it('a withdrawn application’s consent link no longer works', async () => {
		const person = await createApplicant(db());
		const form = applicationFormFor();
		await submitApplication(db(), person.applicant, form, testOrigin);
		const token = (await consentTokenFromMail(db(), form.guardianEmail))!;
		await cancelApplication(db(), person.id);
		expect(await findConsentRequest(db(), token)).toBeNull();
		expect(await decideConsent(db(), token, 'consent')).toBe(false);
	});

	it('records in the audit log each time a coordinator opens an application', async () => {
		const staff = await coordinator();
		const person = await createApplicant(db());
		await submitApplication(db(), person.applicant, applicationFormFor(), testOrigin);
		const applicationId = (await latestApplication(db(), person.id))!.id;
		expect(await viewApplication(db(), staff, applicationId)).toMatchObject({ fullName: '金沢 花子', accountEmail: person.email });
		const events = await db().select().from(auditEvents).where(eq(auditEvents.actorId, staff.id));
		expect(events).toMatchObject([{ action: 'application_viewed', detail: { applicationId } }]);
		expect(await viewApplication(db(), staff, 'x')).toBeNull();
	});

	it('limits consent mails per guardian address, whoever names it', async () => {
		const guardianEmail = uniqueEmail('busy-guardian');
		const answers = [];
		for (let child = 0; child < mailFormWindows.address.limit + 1; child++) {
			const person = await createApplicant(db());
			answers.push(await submitApplication(db(), person.applicant, applicationFormFor({ guardianEmail }), testOrigin));
		}
		expect(answers).toEqual([...Array(mailFormWindows.address.limit).fill({ ok: true }), { ok: false, problem: 'join_error_too_many_mails' }]);
		expect(await db().select().from(outboxMail).where(eq(outboxMail.toAddress, guardianEmail))).toHaveLength(mailFormWindows.address.limit);
	});
});
