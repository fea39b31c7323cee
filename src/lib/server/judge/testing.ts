// Test support for the judge: a real sandbox shared by a test file, and small data factories.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll } from 'vitest';
import type { Database } from '../db';
import { judgeSource, type JudgeReport } from './judge';
import type { Language, RuntimeLanguage } from './languages';
import { defaultLimits, type RunLimits } from './limits';
import { createSandbox, type Sandbox } from './sandbox';
import { submissions } from './schema';
import { exerciseCases, exercises, type Exercise } from '../db/schema';
import type { CompareMode } from '../../judge/compare';

/** The real bubblewrap sandbox, fail-closed as in production: the suite fails where it cannot run. */
export function useSandbox(): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await createSandbox({ production: true });
	});
	return () => {
		if (!sandbox) throw new Error('sandbox not created yet');
		return sandbox;
	};
}

/** Short limits keep hostile programs (and the programs meant to hit the limit) from slowing the suite down. */
export const quickLimits: RunLimits = { ...defaultLimits, timeLimitMs: 500 };

/**
 * The default for programs that are meant to finish: a limit no busy machine reaches, so their verdict never depends on
 * the machine's speed (a Node start can take over half a second at a load average of 12).
 */
export const roomyLimits: RunLimits = { ...defaultLimits, timeLimitMs: 10_000 };

/** Runs one program once, on `stdin`, with nothing to compare against. */
export function runOnce(sandbox: Sandbox, language: RuntimeLanguage, source: string, options: { stdin?: string; limits?: RunLimits } = {}) {
	return sandbox.run({ language, source, stdin: options.stdin ?? '', limits: options.limits ?? roomyLimits, purpose: 'run' });
}

/** Judges one program against `cases` ([input, expected output] pairs). */
export function judgeProgram(
	sandbox: Sandbox,
	language: Language,
	source: string,
	cases: Array<[string, string | null]>,
	options: { limits?: RunLimits; compareMode?: CompareMode; dnclArrayBase?: 0 | 1 } = {}
): Promise<JudgeReport> {
	return judgeSource(sandbox, {
		language,
		source,
		cases: cases.map(([input, expectedOutput]) => ({ input, expectedOutput })),
		limits: options.limits ?? roomyLimits,
		compareMode: options.compareMode ?? 'lines',
		dnclArrayBase: options.dnclArrayBase
	});
}

export const sumPrograms: Record<Language, string> = {
	python: 'a, b = map(int, input().split())\nprint(a + b)\n',
	javascript: "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);\nconsole.log(a + b);\n",
	dncl: 'Kazu = 【外部からの入力】\n表示する(Kazu[0] + Kazu[1])\n'
};

/** An exercise "print A + B" with `samples` sample cases and `hidden` hidden ones. */
export async function createSumExercise(
	db: Database,
	options: { samples?: number; hidden?: number; overrides?: Partial<typeof exercises.$inferInsert> } = {}
): Promise<Exercise> {
	const [exercise] = await db
		.insert(exercises)
		.values({
			slug: `sum-${randomBytes(4).toString('hex')}`,
			titleJa: '足し算',
			titleEn: 'Sum',
			statementJa: 'A + B を出力してください。',
			statementEn: 'Print A + B.',
			languages: ['python', 'javascript'],
			published: true,
			...options.overrides
		})
		.returning();
	if (!exercise) throw new Error('insert returned no row');
	const samples = options.samples ?? 2;
	const total = samples + (options.hidden ?? 3);
	if (total > 0) {
		await db.insert(exerciseCases).values(
			Array.from({ length: total }, (_, position) => ({
				exerciseId: exercise.id,
				position,
				isSample: position < samples,
				input: `${position} ${position * 3}\n`,
				expectedOutput: `${position * 4}\n`
			}))
		);
	}
	return exercise;
}

/**
 * Moves a submission's lease `byMs` into the past (default: just expired), as if its worker had stopped sending
 * heartbeats that long ago. Tests expire leases explicitly instead of waiting for a short one to run out.
 */
export async function expireLease(db: Database, submissionId: string, options: { byMs?: number } = {}): Promise<void> {
	await db
		.update(submissions)
		.set({ leaseExpiresAt: sql`now() - ${options.byMs ?? 1} * interval '1 millisecond'` })
		.where(eq(submissions.id, submissionId));
}
