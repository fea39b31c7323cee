// Judges one source against its test cases: each case is a fresh run in the sandbox.
import { classifyRun, type CaseResult } from './classify';
import type { CompareMode } from './compare';
import { condenseStderr, explainError } from './explain';
import type { Explanation } from './explanations';
import type { Language } from './languages';
import type { RunLimits } from './limits';
import type { Sandbox } from './sandbox';
import { worstVerdict, type SubmissionVerdict } from './verdicts';

export interface JudgeCase {
	input: string;
	/** null: custom input in run mode, the output is only shown. */
	expectedOutput: string | null;
}

export interface JudgeRequest {
	language: Language;
	source: string;
	cases: JudgeCase[];
	limits: RunLimits;
	compareMode: CompareMode;
}

export interface CompileError {
	stderr: string;
	explanation: Explanation;
}

export interface JudgeReport {
	/** null: every case ran to the end without expected output to compare with. */
	verdict: SubmissionVerdict | null;
	cases: CaseResult[];
	compileError?: CompileError;
	sandboxed: boolean;
}

/** What is stored in `submissions.results`: the report without what has its own column. */
export type JudgeResults = Pick<JudgeReport, 'cases' | 'compileError'>;

export interface JudgeHooks {
	signal?: AbortSignal;
	onCaseJudged?: (casesDone: number, result: CaseResult) => void;
}

/** Compiling a source of at most 64 KB takes milliseconds; this only guards against a stuck interpreter. */
const checkTimeLimitMs = 10_000;

export async function judgeSource(sandbox: Sandbox, request: JudgeRequest, hooks: JudgeHooks = {}): Promise<JudgeReport> {
	if (request.cases.length === 0) throw new Error('nothing to judge: no test cases');
	const results: CaseResult[] = [];
	for (const [index, testCase] of request.cases.entries()) {
		const outcome = await sandbox.run({ ...runOf(request), stdin: testCase.input, purpose: 'run', signal: hooks.signal });
		hooks.signal?.throwIfAborted();
		// An interpreter compiles the whole file before running its first line, so a syntax error makes the
		// first run fail before it reads any input. Only then is the compiler asked, which keeps correct
		// programs from paying for a separate check run.
		if (index === 0 && outcome.exitCode !== 0 && !outcome.timedOut && !outcome.outputLimitExceeded) {
			const compileError = await findCompileError(sandbox, request, outcome.stderr, hooks.signal);
			if (compileError) return { verdict: 'CE', cases: [], compileError, sandboxed: sandbox.sandboxed };
		}
		const result = classifyRun(outcome, testCase.expectedOutput, request);
		results.push(result);
		hooks.onCaseJudged?.(results.length, result);
	}
	return { verdict: worstVerdict(results.map((result) => result.verdict)), cases: results, sandboxed: sandbox.sandboxed };
}

function runOf(request: JudgeRequest) {
	return { language: request.language, source: request.source, limits: request.limits };
}

async function findCompileError(
	sandbox: Sandbox,
	request: JudgeRequest,
	runStderr: string,
	signal: AbortSignal | undefined
): Promise<CompileError | undefined> {
	const check = await sandbox.run({
		...runOf(request),
		limits: { ...request.limits, timeLimitMs: checkTimeLimitMs },
		stdin: '',
		purpose: 'check',
		signal
	});
	signal?.throwIfAborted();
	if (check.exitCode === 0 || check.timedOut) return undefined;
	// The run's stderr, not the checker's: it is the interpreter's usual message, the one students learn to read.
	return {
		stderr: condenseStderr(request.language, runStderr),
		explanation: explainError(request.language, runStderr) ?? { code: 'compile_error' }
	};
}
