// 実行 and 入力例で試す in the browser, judged by the same rules as the server (src/lib/judge: verdicts, comparison,
// explanations), so a student reads the same result here as on the judge: one case on their own input, or every
// sample with its expected output. Cases run one after another; after TLE, MLE or OLE the rest are left unrun.
import { classifyRun, notRunCase, stopsJudging, type CaseResult, type VerdictLimits } from '../judge/classify';
import type { CompareMode } from '../judge/compare';
import { condenseStderr, explainError } from '../judge/explain';
import type { Explanation } from '../judge/explanations';
import type { Language } from '../judge/languages';
import { cleanText } from '../judge/output';
import { worstVerdict, type SubmissionVerdict } from '../judge/verdicts';
import { runInBrowser } from './index';

export interface CheckRequest {
	language: Language;
	source: string;
	/** expectedOutput null: the student's own input, the output is only shown. */
	cases: Array<{ input: string; expectedOutput: string | null }>;
	limits: VerdictLimits;
	compareMode: CompareMode;
	/** DNCL only: the exercise's first array index. */
	dnclArrayBase?: 0 | 1;
}

/** Shaped like the server's SubmissionView, so that the page shows both with one component. */
export interface BrowserCheck {
	status: 'done';
	verdict: SubmissionVerdict | null;
	casesDone: number;
	casesTotal: number;
	customInput: boolean;
	compileError?: { stderr: string; explanation: Explanation };
	cases: Array<{
		number: number;
		sample: true;
		verdict: CaseResult['verdict'];
		notRun?: true;
		timeMs: number;
		explanation?: Explanation;
		input: string;
		expectedOutput: string | null;
		stdout: string;
		stderr: string;
	}>;
	/** The student pressed 停止 before the end. */
	stopped: boolean;
}

export interface CheckHooks {
	signal?: AbortSignal;
	onPreparing?: (preparing: boolean) => void;
	onProgress?: (casesDone: number, casesTotal: number) => void;
}

export async function checkInBrowser(request: CheckRequest, hooks: CheckHooks = {}): Promise<BrowserCheck> {
	const results: CaseResult[] = [];
	const customInput = request.cases.length === 1 && request.cases[0]!.expectedOutput === null;
	let stopped = false;
	let stop: { index: number; verdict: NonNullable<CaseResult['verdict']> } | undefined;
	for (const [index, testCase] of request.cases.entries()) {
		if (stop) {
			results.push(notRunCase(stop.index + 1, stop.verdict));
			continue;
		}
		const ran = await runInBrowser({
			language: request.language,
			source: request.source,
			stdin: testCase.input,
			timeLimitMs: request.limits.timeLimitMs,
			outputLimitKb: request.limits.outputLimitKb,
			dnclArrayBase: request.dnclArrayBase,
			signal: hooks.signal,
			onPreparing: hooks.onPreparing
		});
		// What the program wrote is hostile text here as on the server (judge/output.ts).
		const outcome = { ...ran, stdout: cleanText(ran.stdout), stderr: cleanText(ran.stderr) };
		if (outcome.stopped) {
			stopped = true;
			break;
		}
		if (outcome.compileError) {
			return {
				...base(request, customInput, stopped),
				verdict: 'CE',
				compileError: {
					stderr: condenseStderr(request.language, outcome.stderr),
					explanation: explainError(request.language, outcome.stderr) ?? { code: 'compile_error' }
				}
			};
		}
		const result = classifyRun(outcome, testCase.expectedOutput, request);
		results.push(result);
		hooks.onProgress?.(results.length, request.cases.length);
		if (stopsJudging(result)) stop = { index, verdict: result.verdict! };
	}
	return {
		...base(request, customInput, stopped),
		verdict: worstVerdict(results.map((result) => result.verdict)),
		casesDone: results.length,
		cases: results.map((result, index) => ({
			number: index + 1,
			sample: true,
			verdict: result.verdict,
			...(result.notRun ? { notRun: true as const } : {}),
			timeMs: result.timeMs,
			...(result.explanation ? { explanation: result.explanation } : {}),
			input: request.cases[index]!.input,
			expectedOutput: request.cases[index]!.expectedOutput,
			stdout: result.stdout,
			stderr: result.stderr
		}))
	};
}

function base(request: CheckRequest, customInput: boolean, stopped: boolean): BrowserCheck {
	return { status: 'done', verdict: null, casesDone: 0, casesTotal: request.cases.length, customInput, cases: [], stopped };
}
