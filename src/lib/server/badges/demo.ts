// Development demo data: the demo student has solved a dozen exercises over the past weeks (every one of 変数と計算,
// and two in DNCL), so the profile shows earned badges (初めての正解, 10問クリア, 「変数と計算」マスター) next to ones
// still to earn with their progress. The badges themselves are awarded by the database as the verdicts are written.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { exerciseCases, exercises, users } from '../db/schema';
import type { Language } from '../../judge/languages';
import { submissions } from '../judge/schema';

const day = 24 * 60 * 60 * 1000;

/** Solved in this order, one every other day or so, ending two days ago. */
const solved: Array<{ slug: string; language: Language }> = [
	{ slug: 'hello-world', language: 'python' },
	{ slug: 'bus-stops-reverse', language: 'python' },
	{ slug: 'add-subtract-multiply', language: 'python' },
	{ slug: 'celsius-to-fahrenheit', language: 'python' },
	{ slug: 'coins-in-change', language: 'python' },
	{ slug: 'flower-bed', language: 'python' },
	{ slug: 'minutes-to-hours', language: 'python' },
	{ slug: 'largest-of-three', language: 'python' },
	{ slug: 'countdown', language: 'javascript' },
	{ slug: 'sum-to-n', language: 'python' },
	{ slug: 'dncl-quotient-remainder', language: 'dncl' },
	{ slug: 'dncl-trace-variables', language: 'dncl' }
];

/** Does nothing when the student is missing or has already submitted; exercises missing from the content are skipped. */
export async function seedDemoBadges(db: Database, options: { studentEmail: string; now?: Date }): Promise<void> {
	const now = options.now ?? new Date();
	const [student] = await db.select({ id: users.id }).from(users).where(eq(users.email, options.studentEmail));
	if (!student) return;
	const [already] = await db
		.select({ id: submissions.id })
		.from(submissions)
		.where(and(eq(submissions.userId, student.id), eq(submissions.verdict, 'AC')))
		.limit(1);
	if (already) return;
	const found = await db
		.select({ id: exercises.id, slug: exercises.slug, solution: exercises.solution })
		.from(exercises)
		.where(
			inArray(
				exercises.slug,
				solved.map((entry) => entry.slug)
			)
		);
	const bySlug = new Map(found.map((row) => [row.slug, row]));
	for (const [index, entry] of solved.entries()) {
		const exercise = bySlug.get(entry.slug);
		const source = exercise?.solution[entry.language];
		if (!exercise || !source) continue;
		const cases = await db
			.select({ expectedOutput: exerciseCases.expectedOutput })
			.from(exerciseCases)
			.where(eq(exerciseCases.exerciseId, exercise.id))
			.orderBy(asc(exerciseCases.position));
		const at = new Date(now.getTime() - (2 + (solved.length - index) * 2) * day);
		await db.insert(submissions).values({
			userId: student.id,
			exerciseId: exercise.id,
			language: entry.language,
			source,
			mode: 'submit',
			status: 'done',
			attempts: 1,
			verdict: 'AC',
			results: { cases: cases.map((testCase) => ({ verdict: 'AC' as const, timeMs: 31, stdout: testCase.expectedOutput, stderr: '' })) },
			casesDone: cases.length,
			casesTotal: cases.length,
			sandboxed: true,
			createdAt: at,
			startedAt: at,
			finishedAt: new Date(at.getTime() + 800)
		});
	}
}
