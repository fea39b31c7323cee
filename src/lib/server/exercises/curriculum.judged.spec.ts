// The whole curriculum judged in the real sandbox as students will meet it: every reference solution is AC and every
// starter program runs but is WA. Its own vitest project (`npm run test:curriculum`), since its ~180 sandboxed runs
// take minutes on a small machine and the everyday `npm run test:unit` should not wait for them.
import { describe, it } from 'vitest';
import { judgeSource, type JudgeReport } from '../judge/judge';
import type { Language } from '../judge/languages';
import { defaultLimits } from '../judge/limits';
import { useSandbox } from '../judge/testing';
import { loadCurriculum, type ExerciseContent } from './content';

const curriculum = await loadCurriculum();

describe('the curriculum, judged in the sandbox', () => {
	const sandbox = useSandbox();

	function judge(exercise: ExerciseContent, language: Language, source: string | undefined) {
		if (source === undefined) throw new Error(`${exercise.slug}: no ${language} source`);
		return judgeSource(sandbox(), {
			language,
			source,
			cases: exercise.cases.map(({ input, expectedOutput }) => ({ input, expectedOutput })),
			limits: { ...defaultLimits, ...exercise.limits },
			compareMode: exercise.compareMode,
			dnclArrayBase: exercise.dnclArrayBase ?? 0
		});
	}

	const verdictsByCase = (exercise: ExerciseContent, report: JudgeReport) =>
		report.compileError ? 'CE' : report.cases.map((result, index) => `${exercise.cases[index]?.name} ${result.verdict}`).join(', ');

	// The two languages run side by side within a test, and tests run side by side up to the project's
	// maxConcurrency (vite.config.ts: half the cores, so one sandbox run per core).
	it.concurrent.for(curriculum.map((exercise) => [exercise.slug, exercise] as const))(
		'%s: the reference solutions are AC and the starter code runs but is WA',
		async ([, exercise], { expect }) => {
			const solutions = await Promise.all(exercise.languages.map((language) => judge(exercise, language, exercise.solution[language])));
			solutions.forEach((report, index) => {
				expect(report.verdict, `solution.${exercise.languages[index]}: ${verdictsByCase(exercise, report)}`).toBe('AC');
			});
			const starters = await Promise.all(exercise.languages.map((language) => judge(exercise, language, exercise.starter[language])));
			starters.forEach((report, index) => {
				expect(report.verdict, `starter.${exercise.languages[index]}: ${verdictsByCase(exercise, report)}`).toBe('WA');
			});
		}
	);
});
