import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import { reviewBacklog } from './backlog';
import { openDiscussion } from './discussion';
import { seedDemoReviews } from './demo';
import { listStudentRequests } from './requests';
import { reviewRequests } from './schema';
import { importExercises } from '../exercises/testing';
import { createMentor, createStudentMember } from './testing';

describeEachDatabase('demo reviews', (connection) => {
	const db = () => connection().db;

	it('gives the demo student a highlighted help request and a discussion with line comments, once', async () => {
		await importExercises(db(), 'hello-name', 'even-or-odd');
		const [student, mentor] = [await createStudentMember(db(), 'はるか'), await createMentor(db())];
		const options = { studentEmail: student.email, mentorEmail: mentor.email };
		await seedDemoReviews(db(), options);
		await seedDemoReviews(db(), options);

		const requests = await listStudentRequests(db(), student.id, 'ja');
		expect(requests.map((request) => [request.exercise.slug, request.kind, request.status])).toEqual([
			['even-or-odd', 'help', 'answered'],
			['hello-name', 'help', 'waiting']
		]);
		const waiting = requests.find((request) => request.status === 'waiting')!;
		expect((await reviewBacklog(db(), 'ja')).overdue.map((request) => request.id)).toContain(waiting.id);

		const answered = requests.find((request) => request.status === 'answered')!;
		const discussion = await openDiscussion(db(), answered.id, { id: student.id, as: 'student', displayName: student.displayName }, 'ja');
		expect(discussion?.comments.map((comment) => [comment.line, comment.draft, comment.outcome])).toEqual([
			[1, false, null],
			[2, false, null],
			[null, false, 'changes_requested']
		]);
		expect(discussion?.comments[1]).toMatchObject({ lineText: 'if n / 2 == 0:', authorName: mentor.displayName });
		expect(discussion?.iterations[0]?.result).toMatchObject({ verdict: 'WA', status: 'done' });
	});

	it('seeds nothing without the demo accounts', async () => {
		const mentor = await createMentor(db());
		const stranger = await createUser(db(), { roles: ['student'] });
		await seedDemoReviews(db(), { studentEmail: 'nobody@demo.itbu.jp', mentorEmail: mentor.email });
		await seedDemoReviews(db(), { studentEmail: stranger.email, mentorEmail: 'nobody@demo.itbu.jp' });
		expect(await db().select().from(reviewRequests).where(eq(reviewRequests.studentId, stranger.id))).toEqual([]);
	});
});
