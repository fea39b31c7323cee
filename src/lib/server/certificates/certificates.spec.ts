// Certificates: what a student or mentor may be certified for, facts frozen at issue, a verification that shows the
// certificate and nothing else, downloads for the holder only, revocation, and partner reports without student data.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as audit from '../audit';
import { parseCsv } from '../csv';
import { describeEachDatabase } from '../db/testing';
import { clubSessionParticipants, clubSessions } from '../club-sessions/schema';
import { members } from '../membership/schema';
import { anonymiseMember } from '../membership/privacy';
import { users } from '../db/schema';
import { mentors } from '../mentoring/schema';
import { createUser } from '../testing/factories';
import {
	issueMentorCertificate,
	issueStudentCertificate,
	listCertificates,
	listOwnCertificates,
	ownCertificate,
	revokeCertificate,
	verifyCertificate,
	verifyForVisitor
} from './certificates';
import { mentorRecord, organisationReport } from './mentors';
import { exportOrganisationReport } from './reports';
import { studentAchievements } from './student';
import { attendedSession, createOrganisationMentor, createStudentMember, createTopicExercises, postedReview, solve } from './testing';

/** Noon in Japan on a date. */
const japanNoon = (date: string) => new Date(`${date}T12:00:00+09:00`);
// A December day in school year 2026 (April 2026 – March 2027).
const now = japanNoon('2026-12-08');

describeEachDatabase('certificates', (connection) => {
	const db = () => connection().db;
	let exam: string[];
	let loops: string[];
	beforeAll(async () => {
		// The exam track: two published exercises (and one unpublished, which does not count).
		exam = await createTopicExercises(db(), 'exam', 2, { unpublished: true });
		loops = await createTopicExercises(db(), 'loops', 2);
	});

	async function issuedTrack(student: { id: string }, nameChoice: 'nickname' | 'full_name' = 'nickname') {
		for (const exerciseId of exam) await solve(db(), student.id, exerciseId, japanNoon('2026-05-10'));
		const issued = await issueStudentCertificate(db(), student.id, { kind: 'track', subject: 'exam', nameChoice }, now);
		if (!issued.ok) throw new Error(issued.problem);
		return issued.code;
	}

	it('keeps every audit action the code knows allowed by the database (the migration extends the list it reads back)', async () => {
		const actor = await createUser(db(), { roles: ['coordinator'] });
		for (const action of audit.auditActions) await audit.record(db(), { id: actor.id, displayName: actor.displayName }, action);
		expect((await audit.listEvents(db(), { limit: 500 })).filter((event) => event.actorId === actor.id)).toHaveLength(audit.auditActions.length);
	});

	describe('students', () => {
		it('certifies a track only once every published exercise of it is solved, and freezes what it says', async () => {
			const student = await createStudentMember(db(), 'はやと');
			await solve(db(), student.id, exam[0]!, japanNoon('2026-05-01'));
			const halfway = await studentAchievements(db(), student.id, now);
			expect(halfway.tracks.find((track) => track.track.id === 'exam')).toMatchObject({ exercises: 2, solved: 1, facts: null });
			expect(await issueStudentCertificate(db(), student.id, { kind: 'track', subject: 'exam', nameChoice: 'nickname' }, now)).toEqual({
				ok: false,
				problem: 'certificates_error_not_eligible'
			});
			expect(await issueStudentCertificate(db(), student.id, { kind: 'track', subject: 'no-such-track', nameChoice: 'nickname' }, now)).toMatchObject({
				ok: false
			});

			await solve(db(), student.id, exam[1]!, japanNoon('2026-06-02'));
			const issued = await issueStudentCertificate(db(), student.id, { kind: 'track', subject: 'exam', nameChoice: 'nickname' }, now);
			if (!issued.ok) throw new Error(issued.problem);
			expect(issued.code).toMatch(/^[a-z2-7]{26}$/);

			// Later changes to the member's record do not change an issued certificate.
			await db().update(members).set({ nickname: '別のなまえ' }).where(eq(members.userId, student.id));
			expect(await verifyCertificate(db(), issued.code)).toMatchObject({
				holderName: 'はやと',
				status: 'valid',
				facts: { kind: 'track', trackId: 'exam', titleJa: '共通テスト「情報I」(DNCL)', exercises: 2, completedOn: '2026-06-02' }
			});
		});

		it('certifies a school year (April to March in Japan) from March on, counting solved exercises and sessions attended', async () => {
			const student = await createStudentMember(db());
			// 23:30 on March 31st in Japan is still school year 2025; 00:10 on April 1st is 2026.
			await solve(db(), student.id, loops[0]!, new Date('2026-03-31T23:30:00+09:00'));
			await solve(db(), student.id, loops[1]!, new Date('2026-04-01T00:10:00+09:00'));
			await attendedSession(db(), japanNoon('2025-10-04'), 3, [{ userId: student.id, role: 'student' }]);

			const achievements = await studentAchievements(db(), student.id, now);
			expect(achievements.schoolYears.map(({ schoolYear, solved, sessions, issuable }) => ({ schoolYear, solved, sessions, issuable }))).toEqual([
				{ schoolYear: 2026, solved: 1, sessions: 0, issuable: false },
				{ schoolYear: 2025, solved: 1, sessions: 1, issuable: true }
			]);
			expect(await issueStudentCertificate(db(), student.id, { kind: 'school_year', subject: '2026', nameChoice: 'nickname' }, now)).toEqual({
				ok: false,
				problem: 'certificates_error_not_eligible'
			});
			const march = await issueStudentCertificate(db(), student.id, { kind: 'school_year', subject: '2026', nameChoice: 'nickname' }, japanNoon('2027-03-05'));
			if (!march.ok) throw new Error(march.problem);
			expect((await verifyCertificate(db(), march.code))?.facts).toEqual({ kind: 'school_year', schoolYear: 2026, solved: 1, sessions: 0, asOf: '2027-03-05' });

			const issued = await issueStudentCertificate(db(), student.id, { kind: 'school_year', subject: '2025', nameChoice: 'full_name' }, now);
			if (!issued.ok) throw new Error(issued.problem);
			expect(await verifyCertificate(db(), issued.code)).toMatchObject({
				holderName: student.fullName,
				facts: { kind: 'school_year', schoolYear: 2025, solved: 1, sessions: 1, asOf: '2026-03-31' }
			});
		});

		it('refuses a name the student does not have, and a student with no membership', async () => {
			const student = await createStudentMember(db());
			await db().update(members).set({ nickname: null }).where(eq(members.userId, student.id));
			for (const exerciseId of exam) await solve(db(), student.id, exerciseId, japanNoon('2026-05-10'));
			expect(await issueStudentCertificate(db(), student.id, { kind: 'track', subject: 'exam', nameChoice: 'nickname' }, now)).toEqual({
				ok: false,
				problem: 'certificates_error_no_name'
			});
			const outsider = await createUser(db(), { roles: ['student'] });
			for (const exerciseId of exam) await solve(db(), outsider.id, exerciseId, japanNoon('2026-05-10'));
			expect(await issueStudentCertificate(db(), outsider.id, { kind: 'track', subject: 'exam', nameChoice: 'full_name' }, now)).toEqual({
				ok: false,
				problem: 'certificates_error_no_name'
			});
		});

		it('issuing again replaces the earlier certificate, whose link then says so', async () => {
			const student = await createStudentMember(db());
			const first = await issuedTrack(student, 'nickname');
			const second = await issueStudentCertificate(db(), student.id, { kind: 'track', subject: 'exam', nameChoice: 'full_name' }, now);
			if (!second.ok) throw new Error(second.problem);
			expect((await verifyCertificate(db(), first))?.status).toBe('replaced');
			expect(await verifyCertificate(db(), second.code)).toMatchObject({ status: 'valid', holderName: student.fullName });
			expect((await listOwnCertificates(db(), student.id)).map((certificate) => certificate.code)).toEqual([second.code]);
			expect(await ownCertificate(db(), student.id, first)).toBeNull();
		});
	});

	describe('verification and downloads', () => {
		it('shows the certificate’s facts and nothing else about the student', async () => {
			const student = await createStudentMember(db(), 'みどり');
			const code = await issuedTrack(student, 'nickname');
			const verified = await verifyCertificate(db(), code);
			expect(Object.keys(verified!).sort()).toEqual(['code', 'facts', 'holderName', 'issuedAt', 'revokedAt', 'status']);
			const shown = JSON.stringify(verified);
			for (const secret of [student.fullName, student.email, student.id, 'k-kenroku', 'jh2']) expect(shown).not.toContain(secret);
			expect(verified!.holderName).toBe('みどり');
		});

		it('finds nothing for a guessed, malformed or hostile code', async () => {
			expect(await verifyCertificate(db(), 'a'.repeat(26))).toBeNull();
			expect(await verifyCertificate(db(), "' or 1=1 --")).toBeNull();
			expect(await verifyCertificate(db(), '')).toBeNull();
			expect(await verifyCertificate(db(), 'A'.repeat(26))).toBeNull();
		});

		it('limits how often one address checks codes', async () => {
			const address = `198.51.100.${Math.floor(Math.random() * 250)}`;
			for (let attempt = 0; attempt < 60; attempt++) expect(await verifyForVisitor(db(), 'b'.repeat(26), address)).toBeNull();
			expect(await verifyForVisitor(db(), 'b'.repeat(26), address)).toBe('rate_limited');
			expect(await verifyForVisitor(db(), 'b'.repeat(26), '203.0.113.9')).toBeNull();
		});

		it('lets only the holder download it: another student, a mentor or a coordinator finds nothing', async () => {
			const student = await createStudentMember(db());
			const code = await issuedTrack(student);
			expect(await ownCertificate(db(), student.id, code)).toMatchObject({ code, status: 'valid' });
			const other = await createStudentMember(db());
			const mentor = await createOrganisationMentor(db());
			const coordinator = await createUser(db(), { roles: ['coordinator'] });
			for (const someone of [other, mentor, coordinator]) expect(await ownCertificate(db(), someone.id, code)).toBeNull();
			expect(await listOwnCertificates(db(), other.id)).toEqual([]);
		});
	});

	describe('revocation', () => {
		it('forgets the holder when their data is erased: the member anonymised or the account deleted revokes the certificate and blanks the name', async () => {
			const student = await createStudentMember(db());
			const code = await issuedTrack(student, 'full_name');
			expect(await verifyCertificate(db(), code)).toMatchObject({ status: 'valid', holderName: student.fullName });
			const coordinator = await createUser(db(), { roles: ['coordinator'] });
			const [member] = await db().select({ id: members.id }).from(members).where(eq(members.userId, student.id));
			expect(await anonymiseMember(db(), { id: coordinator.id, displayName: coordinator.displayName }, member!.id)).toEqual({ ok: true });
			const erased = await verifyCertificate(db(), code);
			expect(erased).toMatchObject({ status: 'revoked', holderName: '—' });
			expect(JSON.stringify(erased)).not.toContain(student.fullName);

			const other = await createStudentMember(db());
			const otherCode = await issuedTrack(other, 'full_name');
			await db().delete(users).where(eq(users.id, other.id));
			const deleted = await verifyCertificate(db(), otherCode);
			expect(deleted).toMatchObject({ status: 'revoked', holderName: '—' });
			expect(JSON.stringify(deleted)).not.toContain(other.fullName);
		});

		it('lets a coordinator revoke with a reason: the link says revoked, the holder can no longer download it, and it is audited', async () => {
			const student = await createStudentMember(db());
			const code = await issuedTrack(student);
			const coordinator = await createUser(db(), { roles: ['coordinator'] });
			const actor = { id: coordinator.id, displayName: coordinator.displayName };
			const listed = (await listCertificates(db(), { status: 'valid', limit: 1000 })).find((certificate) => certificate.code === code)!;
			expect(await revokeCertificate(db(), actor, listed.id, '誤って発行されたため', now)).toEqual({ ok: true });

			expect(await verifyCertificate(db(), code)).toMatchObject({ status: 'revoked', revokedAt: now });
			expect(await ownCertificate(db(), student.id, code)).toBeNull();
			expect((await listOwnCertificates(db(), student.id))[0]).toMatchObject({ code, status: 'revoked' });
			expect((await listCertificates(db(), { status: 'revoked', limit: 1000 })).find((certificate) => certificate.code === code)).toMatchObject({
				revocationReason: '誤って発行されたため'
			});
			expect(await revokeCertificate(db(), actor, listed.id, 'もう一度')).toEqual({ ok: false, problem: 'certificates_error_already_revoked' });
			expect(await revokeCertificate(db(), actor, crypto.randomUUID(), '理由')).toEqual({ ok: false, problem: 'certificates_error_not_found' });
			expect(await revokeCertificate(db(), actor, 'not-a-uuid', '理由')).toEqual({ ok: false, problem: 'certificates_error_not_found' });
			const [event] = await audit.listEvents(db(), { action: 'certificate_revoked', limit: 1 });
			expect(event).toMatchObject({ actorId: coordinator.id, detail: { certificateId: listed.id, kind: 'track' } });

			// A revoked certificate can be issued afresh (the partial unique index allows one valid certificate).
			const again = await issueStudentCertificate(db(), student.id, { kind: 'track', subject: 'exam', nameChoice: 'nickname' }, now);
			expect(again.ok).toBe(true);
		});
	});

	describe('mentors', () => {
		it('counts sessions attended (hours from the session times) and reviews posted, per school year', async () => {
			const mentor = await createOrganisationMentor(db());
			const student = await createStudentMember(db());
			await attendedSession(db(), japanNoon('2025-06-07'), 3, [{ userId: mentor.id, role: 'mentor' }]);
			await attendedSession(db(), japanNoon('2026-02-14'), 2.5, [
				{ userId: mentor.id, role: 'mentor' },
				{ userId: student.id, role: 'student' }
			]);
			await attendedSession(db(), japanNoon('2026-09-05'), 2, [{ userId: mentor.id, role: 'mentor' }]);
			// Not counted: a cancelled session, one signed up for but not attended, one still ahead.
			const cancelled = await attendedSession(db(), japanNoon('2026-10-03'), 3, [{ userId: mentor.id, role: 'mentor' }]);
			await db()
				.update(clubSessions)
				.set({ cancelledAt: japanNoon('2026-10-01') })
				.where(eq(clubSessions.id, cancelled));
			const absent = await attendedSession(db(), japanNoon('2026-10-10'), 3, [{ userId: mentor.id, role: 'mentor' }]);
			await db().update(clubSessionParticipants).set({ checkedInAt: null }).where(eq(clubSessionParticipants.sessionId, absent));
			await attendedSession(db(), japanNoon('2026-12-19'), 3, [{ userId: mentor.id, role: 'mentor' }]);
			await postedReview(db(), mentor.id, exam[0]!, japanNoon('2026-11-20'));

			const record = await mentorRecord(db(), mentor.id, now);
			expect(record.years.map(({ schoolYear, sessions, hours, reviews }) => ({ schoolYear, sessions: sessions.length, hours, reviews }))).toEqual([
				{ schoolYear: 2026, sessions: 1, hours: 2, reviews: 1 },
				{ schoolYear: 2025, sessions: 2, hours: 5.5, reviews: 0 }
			]);

			const issued = await issueMentorCertificate(db(), mentor.id, 2025, now);
			if (!issued.ok) throw new Error(issued.problem);
			const verified = await verifyCertificate(db(), issued.code);
			expect(verified).toMatchObject({
				holderName: mentor.displayName,
				facts: { kind: 'mentor_year', schoolYear: 2025, sessions: 2, hours: 5.5, reviews: 0, asOf: '2026-03-31' }
			});
			expect((verified!.facts as { organisation: string | null }).organisation).toMatch(/^テスト大学/);
			expect(await issueMentorCertificate(db(), mentor.id, 2024, now)).toEqual({ ok: false, problem: 'certificates_error_not_eligible' });

			// Another mentor can neither download it nor issue one for activity they did not do.
			const other = await createOrganisationMentor(db());
			expect(await ownCertificate(db(), other.id, issued.code)).toBeNull();
			expect(await issueMentorCertificate(db(), other.id, 2025, now)).toEqual({ ok: false, problem: 'certificates_error_not_eligible' });
		});

		it('reports a partner organisation’s mentors, hours and reviews with no student data, as an audited CSV', async () => {
			const first = await createOrganisationMentor(db());
			const second = await createOrganisationMentor(db(), first.organisationId);
			const elsewhere = await createOrganisationMentor(db());
			const student = await createStudentMember(db(), 'ないしょ');
			await attendedSession(db(), japanNoon('2026-06-06'), 3, [
				{ userId: first.id, role: 'mentor' },
				{ userId: elsewhere.id, role: 'mentor' },
				{ userId: student.id, role: 'student' }
			]);
			const reviewed = await postedReview(db(), first.id, exam[1]!, japanNoon('2026-07-01'));

			const report = await organisationReport(db(), first.organisationId, 2026, now);
			expect(report?.mentors).toEqual([
				{ name: first.displayName, sessions: 1, hours: 3, reviews: 1 },
				{ name: second.displayName, sessions: 0, hours: 0, reviews: 0 }
			]);
			expect(report?.totals).toEqual({ mentors: 2, active: 1, sessions: 1, hours: 3, reviews: 1 });
			expect((await organisationReport(db(), first.organisationId, 2025, now))?.totals).toMatchObject({ sessions: 0, reviews: 0 });

			const coordinator = await createUser(db(), { roles: ['coordinator'] });
			const exported = await exportOrganisationReport(
				db(),
				{ id: coordinator.id, displayName: coordinator.displayName },
				first.organisationId,
				2026,
				'csv',
				now
			);
			const csv = exported!.body as string;
			expect(csv.startsWith('\uFEFF')).toBe(true);
			const rows = parseCsv(csv);
			expect(rows[2]).toEqual([first.displayName, '1', '3', '1']);
			const students = await db().select().from(members).where(eq(members.userId, student.id));
			const reviewedStudent = await db().select().from(members).where(eq(members.userId, reviewed.studentId));
			for (const member of [...students, ...reviewedStudent]) {
				for (const value of [member.nickname, member.fullName, member.memberNumber]) expect(csv + JSON.stringify(report)).not.toContain(value!);
			}
			expect(csv).not.toContain(elsewhere.displayName);
			expect(exported!.fileName).toMatch(/^メンター活動報告_テスト大学.*_2026年度\.csv$/);
			const [event] = await audit.listEvents(db(), { action: 'organisation_report_exported', limit: 1 });
			expect(event).toMatchObject({ actorId: coordinator.id, detail: { organisationId: first.organisationId, schoolYear: 2026, format: 'csv', count: 2 } });

			expect(await exportOrganisationReport(db(), { id: coordinator.id, displayName: 'x' }, crypto.randomUUID(), 2026, 'csv', now)).toBeNull();
			expect(await exportOrganisationReport(db(), { id: coordinator.id, displayName: 'x' }, 'nope', 2026, 'pdf', now)).toBeNull();
		});

		it('neutralises a mentor name a spreadsheet would run as a formula', async () => {
			const mentor = await createOrganisationMentor(db());
			await attendedSession(db(), japanNoon('2026-06-13'), 2, [{ userId: mentor.id, role: 'mentor' }]);
			const hostile = await createUser(db(), { roles: ['mentor'], displayName: '=HYPERLINK("http://evil.example","x")' });
			await db().insert(mentors).values({ userId: hostile.id, organisationId: mentor.organisationId, affiliation: 'other' });
			const exported = await exportOrganisationReport(db(), { id: mentor.id, displayName: 'x' }, mentor.organisationId, 2026, 'csv', now);
			expect(parseCsv(exported!.body as string).some((row) => row[0] === `'=HYPERLINK("http://evil.example","x")`)).toBe(true);
		});
	});
});
