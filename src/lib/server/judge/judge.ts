// Judges one source against its test cases: each case is a fresh run in the sandbox. The first case runs alone
// (it finds syntax errors and programs that never stop, for the price of one run); the rest run `caseLanes` at a
// time. After a case ends in TLE, MLE or OLE the later cases are left unrun, so a program that never stops
// costs one time limit, not one per case. A DNCL program is translated to JavaScript first (src/lib/dncl): a program
// that does not follow the notation is CE without running, any other runs as JavaScript.
import { compileDncl, syntaxErrorText } from '../../dncl';
import { classifyRun, notRunCase, stopsJudging, type CaseResult } from '../../judge/classify';
import type { CompareMode } from '../../judge/compare';
import { condenseStderr, explainError } from '../../judge/explain';
import type { Explanation } from '../../judge/explanations';
import { worstVerdict, type CaseVerdict, type SubmissionVerdict } from '../../judge/verdicts';
import { runtimeOf, type Language, type RuntimeLanguage } from './languages';
import type { RunLimits } from './limits';
import type { Sandbox } from './sandbox';

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
	/** DNCL only: the first index of an array (the exercise's choice; the notation's default is 0). */
	dnclArrayBase?: 0 | 1;
}

/** What the sandbox runs for a request: the source itself, or the JavaScript a DNCL program is translated to. */
interface Program {
	language: RuntimeLanguage;
	source: string;
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
	/** `casesDone` counts the cases finished so far, in any order. */
	onCaseJudged?: (casesDone: number, result: CaseResult) => void;
	/**
	 * Cases run at once after the first (default 2). Each is its own sandbox; two at a time halve the wait for a
	 * correct program on an idle judge, while the first case alone keeps a program that never stops to one core.
	 */
	caseLanes?: number;
}

/** Compiling a source of at most 64 KB takes milliseconds; this only guards against a stuck interpreter. */
const checkTimeLimitMs = 10_000;
export const defaultCaseLanes = 2;

export async function judgeSource(sandbox: Sandbox, request: JudgeRequest, hooks: JudgeHooks = {}): Promise<JudgeReport> {
	if (request.cases.length === 0) throw new Error('nothing to judge: no test cases');
	const program = programOf(request);
	if ('compileError' in program) return { verdict: 'CE', cases: [], compileError: program.compileError, sandboxed: sandbox.sandboxed };
	const results: Array<CaseResult | undefined> = new Array(request.cases.length);
	let casesDone = 0;
	const record = (index: number, result: CaseResult) => {
		results[index] = result;
		hooks.onCaseJudged?.(++casesDone, result);
	};

	const [firstCase] = request.cases;
	const first = await sandbox.run({ ...runOf(request, program), stdin: firstCase!.input, purpose: 'run', signal: hooks.signal });
	hooks.signal?.throwIfAborted();
	// An interpreter compiles the whole file before running its first line, so a syntax error makes the first run
	// fail before it reads any input. Only then is the compiler asked, which keeps correct programs from paying for a
	// separate check run.
	// A translated DNCL program compiles by construction: its syntax errors were found above.
	if (first.exitCode !== 0 && !first.timedOut && !first.outputLimitExceeded && request.language !== 'dncl') {
		const compileError = await findCompileError(sandbox, request, program, first.stderr, hooks.signal);
		if (compileError) return { verdict: 'CE', cases: [], compileError, sandboxed: sandbox.sandboxed };
	}
	record(0, classifyRun(first, firstCase!.expectedOutput, request));
	const stop = stopsJudging(results[0]!) ? { index: 0, verdict: results[0]!.verdict! } : await runRemainingCases(sandbox, request, program, hooks, record);

	const cases = Array.from(results, (result, index) => (stop && index > stop.index ? notRunCase(stop.index + 1, stop.verdict) : result!));
	return { verdict: worstVerdict(cases.map((result) => result.verdict)), cases, sandboxed: sandbox.sandboxed };
}

/**
 * Cases 2… on `caseLanes` lanes. Returns the earliest case (in case order) that stopped judging, if any: cases after
 * it are not started, those already running are stopped, and cases before it are always finished, so which cases
 * are left unrun does not depend on timing.
 */
async function runRemainingCases(
	sandbox: Sandbox,
	request: JudgeRequest,
	program: Program,
	hooks: JudgeHooks,
	record: (index: number, result: CaseResult) => void
): Promise<{ index: number; verdict: CaseVerdict } | undefined> {
	let stop: { index: number; verdict: CaseVerdict } | undefined;
	const running = new Map<number, AbortController>();
	let next = 1;
	const lane = async () => {
		while (next < request.cases.length && (!stop || next < stop.index)) {
			const index = next++;
			const testCase = request.cases[index]!;
			const controller = new AbortController();
			running.set(index, controller);
			const signal = hooks.signal ? AbortSignal.any([hooks.signal, controller.signal]) : controller.signal;
			try {
				const outcome = await sandbox.run({ ...runOf(request, program), stdin: testCase.input, purpose: 'run', signal });
				hooks.signal?.throwIfAborted();
				if (stop && index > stop.index) continue;
				const result = classifyRun(outcome, testCase.expectedOutput, request);
				record(index, result);
				if (stopsJudging(result) && (!stop || index < stop.index)) {
					stop = { index, verdict: result.verdict! };
					for (const [other, run] of running) if (other > index) run.abort();
				}
			} catch (error) {
				// The sandbox failed: the other lane's run is of no use any more.
				for (const run of running.values()) run.abort();
				throw error;
			} finally {
				running.delete(index);
			}
		}
	};
	const lanes = Math.max(1, hooks.caseLanes ?? defaultCaseLanes);
	await Promise.all(Array.from({ length: Math.min(lanes, request.cases.length - 1) }, lane));
	return stop;
}

function programOf(request: JudgeRequest): Program | { compileError: CompileError } {
	if (request.language !== 'dncl') return { language: runtimeOf(request.language), source: request.source };
	const translation = compileDncl(request.source, { arrayBase: request.dnclArrayBase ?? 0 });
	if (translation.ok) return { language: 'javascript', source: translation.javascript };
	const stderr = syntaxErrorText(translation.error);
	return { compileError: { stderr, explanation: explainError('dncl', stderr) ?? { code: 'compile_error' } } };
}

function runOf(request: JudgeRequest, program: Program) {
	return { language: program.language, source: program.source, limits: request.limits };
}

async function findCompileError(
	sandbox: Sandbox,
	request: JudgeRequest,
	program: Program,
	runStderr: string,
	signal: AbortSignal | undefined
): Promise<CompileError | undefined> {
	const check = await sandbox.run({
		...runOf(request, program),
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
