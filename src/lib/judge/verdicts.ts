// The Japanese judge convention: a verdict per test case, and one for the whole submission.

export const caseVerdicts = ['AC', 'WA', 'TLE', 'MLE', 'RE', 'OLE'] as const;
export type CaseVerdict = (typeof caseVerdicts)[number];

/** CE: the source does not compile, no case ran. IE: the judge itself failed (never the student's fault). */
export const submissionVerdicts = [...caseVerdicts, 'CE', 'IE'] as const;
export type SubmissionVerdict = (typeof submissionVerdicts)[number];

/**
 * Worst first. A crash or a limit hides whether the answer would have been right, so it outranks WA;
 * RE comes first because its explanation points at a line, the most useful thing to show a beginner.
 */
const worstFirst: readonly CaseVerdict[] = ['RE', 'TLE', 'MLE', 'OLE', 'WA', 'AC'];

/**
 * The verdict of a set of cases. `null` stands for a case that ran to the end with nothing to
 * compare against (custom input in run mode); it ranks below every verdict.
 */
export function worstVerdict(verdicts: ReadonlyArray<CaseVerdict | null>): CaseVerdict | null {
	let worst: CaseVerdict | null = null;
	for (const verdict of verdicts) {
		if (verdict === null) continue;
		if (worst === null || worstFirst.indexOf(verdict) < worstFirst.indexOf(worst)) worst = verdict;
	}
	return worst;
}

/** Statuses after which a submission never changes again: judged, given up on (IE), or replaced before it started. */
const endStatuses: readonly string[] = ['done', 'failed', 'replaced'];

export function judgingEnded(status: string): boolean {
	return endStatuses.includes(status);
}
