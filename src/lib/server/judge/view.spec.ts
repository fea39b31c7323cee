// What a student may see of their submission: hidden cases show a verdict, a time and a fixed explanation, never
// anything a program could derive from the hidden input (grading integrity). The programs here try, in both
// languages, to read the hidden inputs back through error messages, line numbers and output.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import { completeSubmission, claimNext, enqueueSubmission } from './queue';
import { createSumExercise, judgeProgram, quickLimits, useSandbox } from './testing';
import { judgeRequestFor } from './exercises';
import { judgeSource } from './judge';
import { hiddenCaseExplanation, viewSubmission } from './view';

const sandbox = useSandbox();

// The sum exercise's cases are "N 3N" for N = 0, 1, 2, …: the hidden ones start at N = 2.
const leakers = {
	python: [
		'n = input()\nraise NameError("name \'" + n + "\' is not defined")\n',
		// The input as a line number: the error is raised on line 1 + N.
		"n = int(input().split()[0])\nexec('\\n' * n + 'raise ValueError(1)', {})\n",
		'import sys\nn = input()\nprint(n)\nprint(n, file=sys.stderr)\nprint({}[n])\n'
	],
	javascript: [
		"const n = require('fs').readFileSync(0, 'utf8').trim();\nthrow new ReferenceError(n + ' is not defined');\n",
		"const n = require('fs').readFileSync(0, 'utf8').trim();\nconsole.log(n);\nconsole.error(n);\nnull[n];\n"
	]
} as const;

describeEachDatabase('what a student sees of hidden cases', (connection) => {
	const db = () => connection().db;

	it.each((Object.keys(leakers) as Array<keyof typeof leakers>).flatMap((language) => leakers[language].map((source) => [language, source] as const)))(
		'%s: nothing derived from a hidden input leaves the server (%s)',
		async (language, source) => {
			const student = await createUser(db(), { roles: ['student'] });
			const exercise = await createSumExercise(db(), { samples: 2, hidden: 3 });
			const { id } = await enqueueSubmission(db(), { userId: student.id, exerciseId: exercise.id, language, mode: 'submit', source, stdin: null });
			const claimed = await claimNext(db(), 'worker', 60_000);
			expect(claimed?.submission.id).toBe(id);
			const report = await judgeSource(sandbox(), await judgeRequestFor(db(), claimed!.submission));
			await completeSubmission(db(), claimed!.lease, report);

			const view = await viewSubmission(db(), id, { id: student.id, roles: ['student'] });
			const hidden = view!.cases.filter((testCase) => !testCase.sample);
			expect(hidden).toHaveLength(3);
			for (const testCase of hidden) {
				expect(Object.keys(testCase).sort()).toEqual(
					['explanation', 'number', 'sample', 'timeMs', 'verdict'].filter((key) => key !== 'explanation' || testCase.explanation)
				);
				expect(testCase.explanation === undefined || Object.keys(testCase.explanation)).toEqual(testCase.explanation ? ['code'] : true);
			}
			// The hidden inputs are "2 6", "3 9" and "4 12"; their first numbers appear nowhere, nor lines derived from them.
			const shown = JSON.stringify(hidden);
			for (const secret of ['2 6', '3 9', '4 12', '"line"', '"name"']) expect(shown).not.toContain(secret);
		}
	);

	it('keeps the limits’ own explanations, which come from the exercise, not the run', async () => {
		const report = await judgeProgram(sandbox(), 'python', 'while True:\n    pass\n', [['1\n', '1\n']], { limits: quickLimits });
		expect(hiddenCaseExplanation(report.cases[0]!)).toEqual({ code: 'time_limit_exceeded', seconds: 0.5 });
		expect(hiddenCaseExplanation({ verdict: 'WA', explanation: { code: 'wrong_answer', line: 7 } })).toEqual({ code: 'hidden_case_wrong_answer' });
		expect(hiddenCaseExplanation({ verdict: 'RE', explanation: { code: 'python_name_error', line: 3, name: 'secret' } })).toEqual({
			code: 'hidden_case_runtime_error'
		});
	});
});
