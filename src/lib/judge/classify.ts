// What a finished run means for one test case: its verdict and the explanation to show.
import { firstDifferentLine, outputsMatch, type CompareMode } from './compare';
import { condenseStderr, explainError, ranOutOfMemory } from './explain';
import type { Explanation } from './explanations';
import type { Language } from './languages';
import { truncateText } from './output';
import type { CaseVerdict } from './verdicts';

/** How one run of a program ended, wherever it ran (the server's sandbox or the student's browser). */
export interface RunOutcome {
	exitCode: number | null;
	signal: string | null;
	/** Killed by the wall clock. */
	timedOut: boolean;
	/** Killed for writing more than the output limit on stdout or stderr. */
	outputLimitExceeded: boolean;
	stdout: string;
	stderr: string;
	timeMs: number;
}

/** The limits a verdict is judged against. */
export interface VerdictLimits {
	timeLimitMs: number;
	memoryLimitMb: number;
	outputLimitKb: number;
}

export interface CaseResult {
	/** null: the program ran to the end and there was nothing to compare with (custom input), or it did not run. */
	verdict: CaseVerdict | null;
	/** Not run: an earlier case ended in TLE, MLE or OLE, after which the verdict cannot change (see stopsJudging). */
	notRun?: true;
	timeMs: number;
	stdout: string;
	/** The program printed more than is kept for display (the comparison saw all of it up to the output limit). */
	stdoutTruncated?: true;
	stderr: string;
	explanation?: Explanation;
}

/**
 * Whether the cases after this one are left unrun. A program that runs out of time, memory or output on one case
 * almost always does on the next, and each such case costs the full limit while others wait for the judge. WA and RE
 * end quickly and each one teaches something, so those keep going.
 */
export function stopsJudging(result: Pick<CaseResult, 'verdict'>): boolean {
	return result.verdict === 'TLE' || result.verdict === 'MLE' || result.verdict === 'OLE';
}

/** A case left unrun after case `stoppedAt` (1-based) ended in `verdict`. */
export function notRunCase(stoppedAt: number, verdict: CaseVerdict): CaseResult {
	return { verdict: null, notRun: true, timeMs: 0, stdout: '', stderr: '', explanation: { code: 'case_not_run', case: stoppedAt, verdict } };
}

/** Output kept per case for display and storage; the comparison itself sees everything up to the output limit. */
export const storedOutputCharacters = 8192;
const storedErrorCharacters = 4096;

export function classifyRun(
	outcome: RunOutcome,
	expectedOutput: string | null,
	context: { language: Language; limits: VerdictLimits; compareMode: CompareMode }
): CaseResult {
	const { verdict, explanation } = verdictOf(outcome, expectedOutput, context);
	const stdout = truncateText(outcome.stdout, storedOutputCharacters);
	const stderr = condenseStderr(context.language, outcome.stderr);
	return {
		verdict,
		timeMs: outcome.timeMs,
		stdout: stdout.text,
		...(stdout.truncated ? { stdoutTruncated: true as const } : {}),
		// The end of stderr is where the error is.
		stderr: stderr.length > storedErrorCharacters ? stderr.slice(-storedErrorCharacters) : stderr,
		...(explanation ? { explanation } : {})
	};
}

function verdictOf(
	outcome: RunOutcome,
	expectedOutput: string | null,
	{ language, limits, compareMode }: { language: Language; limits: VerdictLimits; compareMode: CompareMode }
): { verdict: CaseVerdict | null; explanation?: Explanation } {
	if (outcome.outputLimitExceeded) {
		return { verdict: 'OLE', explanation: { code: 'output_limit_exceeded', kilobytes: limits.outputLimitKb } };
	}
	// SIGXCPU is the CPU-time rlimit, a SIGKILL we did not send its hard limit.
	if (outcome.timedOut || outcome.timeMs > limits.timeLimitMs || outcome.signal === 'SIGXCPU' || outcome.signal === 'SIGKILL') {
		return { verdict: 'TLE', explanation: { code: 'time_limit_exceeded', seconds: limits.timeLimitMs / 1000 } };
	}
	if ((outcome.exitCode !== 0 || outcome.signal) && ranOutOfMemory(language, outcome.stderr)) {
		return { verdict: 'MLE', explanation: { code: 'memory_limit_exceeded', megabytes: limits.memoryLimitMb } };
	}
	if (outcome.signal) {
		return { verdict: 'RE', explanation: explainError(language, outcome.stderr) ?? { code: 'runtime_error_killed', signal: outcome.signal } };
	}
	if (outcome.exitCode !== 0) {
		return {
			verdict: 'RE',
			explanation: explainError(language, outcome.stderr) ?? { code: 'runtime_error_exit_code', exitCode: outcome.exitCode ?? -1 }
		};
	}
	if (expectedOutput === null) return { verdict: null };
	if (outputsMatch(compareMode, outcome.stdout, expectedOutput)) return { verdict: 'AC' };
	if (outcome.stdout.trim() === '') return { verdict: 'WA', explanation: { code: 'wrong_answer_no_output' } };
	return { verdict: 'WA', explanation: { code: 'wrong_answer', line: firstDifferentLine(outcome.stdout, expectedOutput) } };
}
