// Development demo data: one group, the Saturday beginners' class, with the demo student in it and the demo mentor
// assigned, so that the mentor's group page has someone to show (the student's wrong submits and help request come
// from the reviews demo, seeded before this).
import * as auth from '../auth';
import type { Database } from '../db';
import { addStudent, assignMentor, createGroup } from './groups';

export async function seedDemoGroups(db: Database, options: { coordinatorEmail: string; mentorEmail: string; studentEmail: string }): Promise<void> {
	const [coordinator, mentor] = await Promise.all([auth.findUserByEmail(db, options.coordinatorEmail), auth.findUserByEmail(db, options.mentorEmail)]);
	if (!coordinator || !mentor) throw new Error('the demo accounts come first');
	const groupId = await createGroup(db, coordinator, {
		name: '土曜はじめてのPythonクラス',
		description: '金沢未来のまち創造館で土曜の午後に集まる、はじめてプログラミングをする人のクラスです。'
	});
	const added = await addStudent(db, coordinator, groupId, options.studentEmail);
	const assigned = await assignMentor(db, coordinator, groupId, mentor.id);
	if (!added.ok || !assigned.ok) throw new Error('the demo group could not be filled');
}
