import { expect, it } from 'vitest';
import * as auth from '../auth';
import { describeEachDatabase } from '../db/testing';
import * as sessions from '../club-sessions';
import { importExercises } from '../exercises/testing';
import * as groups from '../groups';
import * as guardians from '../guardians';
import { outboxMail } from '../db/schema';
import { eq } from 'drizzle-orm';
import * as certificates from '../certificates';
import { demoAccountsNotice, demoPassword, hasDemoAccounts, seedDemoData } from './seed';

describeEachDatabase('demo data', (connection) => {
	const db = () => connection().db;

	it('prints the portal’s address and all four demo accounts, and each of them logs in', async () => {
		expect(await hasDemoAccounts(db())).toBe(false);
		await importExercises(db(), 'hello-name', 'even-or-odd', 'reverse-list', 'palindrome');
		await seedDemoData(db());
		expect(await hasDemoAccounts(db())).toBe(true);

		const notice = demoAccountsNotice('http://localhost:5173/');
		expect(notice).toContain('http://localhost:5173/');
		expect(notice).toContain('http://localhost:5173/dev/mail');
		expect(notice).toContain(demoPassword);
		const emails = [...notice.matchAll(/\S+@demo\.itbu\.jp/g)].map((match) => match[0]);
		expect(emails).toEqual(['coordinator@demo.itbu.jp', 'mentor@demo.itbu.jp', 'student@demo.itbu.jp', 'mentor-applicant@demo.itbu.jp']);
		for (const email of emails) {
			expect(await auth.logIn(db(), { email, password: demoPassword, ip: '127.0.0.1' }), email).toMatchObject({ ok: true });
		}

		// Today's session carries its exercises: the demo student sees 今日の問題, the demo mentor the room at work.
		const student = (await auth.findUserByEmail(db(), 'student@demo.itbu.jp'))!;
		const mentor = (await auth.findUserByEmail(db(), 'mentor@demo.itbu.jp'))!;
		const [today] = await sessions.todaysExercisesOf(db(), student.id);
		expect(today?.exercises.map((exercise) => exercise.slug)).toEqual(['hello-name', 'even-or-odd']);
		const room = await sessions.sessionRoom(db(), { id: mentor.id, roles: ['mentor'] }, today!.session.id);
		if (!room.ok) throw new Error(room.problem);
		expect(room.room.students).toHaveLength(4);
		expect(room.room.students.every((person) => person.grade !== null)).toBe(true);
		expect(room.room.students.find((person) => person.nickname === 'はるか')?.help).toHaveLength(1);
		expect(room.room.students.filter((person) => person.stuck)).toHaveLength(1);
	});

	it('puts the demo student in a group whose progress page the demo mentor sees, help request included', async () => {
		const mentor = await auth.findUserByEmail(db(), 'mentor@demo.itbu.jp');
		const [group] = await groups.groupsOfMentor(db(), mentor!.id);
		expect(group).toMatchObject({ members: 1, mentors: 1 });
		const progress = await groups.viewGroupProgress(db(), { id: mentor!.id, displayName: mentor!.displayName, roles: ['mentor'] }, group!.id);
		expect(progress?.members.rows.map((row) => row.profile.nickname)).toHaveLength(1);
		expect(progress?.helpRequests.length).toBeGreaterThan(0);
	});

	it('has last month’s digest for the demo student’s guardian in the outbox, with one-click unsubscribe', async () => {
		const digests = await db().select().from(outboxMail).where(eq(outboxMail.kind, 'guardian_digest'));
		// Digests are due from 10:00 on the 1st: on the 1st's early morning there is none yet.
		if (!guardians.dueDigestMonth(new Date())) return expect(digests).toEqual([]);
		expect(digests).toHaveLength(1);
		expect(digests[0]!.subject).toContain('はるか');
		expect(digests[0]!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
	});

	it('shows last school year: the demo student’s completed track certified, the mentor’s activity certificate issued', async () => {
		const student = await auth.findUserByEmail(db(), 'student@demo.itbu.jp');
		const mentor = await auth.findUserByEmail(db(), 'mentor@demo.itbu.jp');
		expect((await certificates.listOwnCertificates(db(), student!.id)).map(({ kind, subject, status }) => ({ kind, subject, status }))).toEqual([
			{ kind: 'track', subject: 'data', status: 'valid' }
		]);
		const record = await certificates.mentorRecord(db(), mentor!.id);
		expect(record.years.find((year) => year.sessions.length === 5)?.hours).toBe(15);
		expect((await certificates.listOwnCertificates(db(), mentor!.id)).map(({ kind }) => kind)).toEqual(['mentor_year']);
	});
});
