// Real sessions for seeded people, made directly in the database (as a login would), so a load test can send the
// same cookie a browser would without paying for a password hash per request.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import { createSession } from '../../src/lib/server/auth/session';
import { users } from '../../src/lib/server/db/schema';
import { submissions } from '../../src/lib/server/judge/schema';
import { coordinatorEmail, mentorId, studentEmail, studentsWithAccounts, type DatasetSizes } from './large-dataset';

export interface BenchmarkPeople {
	student: { id: string; token: string; memberIndex: number };
	coordinator: { id: string; token: string };
	/** A mentor with review discussions of their own (the queue page lists them). */
	mentor: { id: string; token: string };
	/** The student's latest submit, for GET /api/submissions/{id}. */
	submissionId: string;
}

async function userIdByEmail(db: Database, email: string): Promise<string> {
	const [row] = await db
		.select({ id: users.id })
		.from(users)
		.where(sql`lower(${users.email}) = lower(${email})`);
	if (!row) throw new Error(`no seeded account ${email}: run the large seed first`);
	return row.id;
}

export async function createBenchmarkSessions(db: Database, sizes: DatasetSizes): Promise<BenchmarkPeople> {
	// A student with a long history: the busiest of the first hundred with an account.
	const candidates = studentsWithAccounts(100, sizes);
	const ids = await Promise.all(candidates.map((index) => userIdByEmail(db, studentEmail(index))));
	const counts = await Promise.all(
		ids.map(async (id) => {
			const [row] = await db
				.select({ count: sql<number>`count(*)::int` })
				.from(submissions)
				.where(eq(submissions.userId, id));
			return Number(row?.count ?? 0);
		})
	);
	const busiest = counts.indexOf(Math.max(...counts));
	const studentId = ids[busiest]!;
	const [latest] = await db
		.select({ id: submissions.id })
		.from(submissions)
		.where(and(eq(submissions.userId, studentId), eq(submissions.mode, 'submit')))
		.orderBy(desc(submissions.createdAt))
		.limit(1);
	if (!latest) throw new Error('the seeded student has no submissions');
	const coordinatorId = await userIdByEmail(db, coordinatorEmail(1));
	return {
		student: { id: studentId, token: (await createSession(db, studentId)).token, memberIndex: candidates[busiest]! },
		coordinator: { id: coordinatorId, token: (await createSession(db, coordinatorId)).token },
		mentor: { id: mentorId(1), token: (await createSession(db, mentorId(1))).token },
		submissionId: latest.id
	};
}
