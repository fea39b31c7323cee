// What a person may see of a submission. Hidden cases show only their verdict, time and a fixed explanation: their
// input and expected output, and everything the program could derive from them (its output, its error text, even
// the line an error is on), stay on the server. Otherwise a program could read the hidden inputs back, e.g. by
// raising NameError("name '" + input() + "' is not defined").
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import type { CaseResult } from '../../judge/classify';
import type { Explanation } from '../../judge/explanations';
import { submissions, type Submission } from './schema';
import { casesFor, submissionWithExercise } from './exercises';

export interface Viewer {
	id: string;
	roles: readonly string[];
}

export interface CaseView {
	number: number;
	sample: boolean;
	verdict: CaseResult['verdict'];
	/** Left unrun after an earlier case ended in TLE, MLE or OLE. */
	notRun?: true;
	timeMs: number;
	explanation?: Explanation;
	/** Only for sample cases and custom input. */
	input?: string;
	expectedOutput?: string | null;
	stdout?: string;
	stdoutTruncated?: boolean;
	stderr?: string;
}

export interface SubmissionView {
	id: string;
	exercise: { slug: string; titleJa: string; titleEn: string };
	language: Submission['language'];
	mode: Submission['mode'];
	status: Submission['status'];
	verdict: Submission['verdict'];
	casesDone: number;
	casesTotal: number;
	sandboxed: boolean | null;
	createdAt: string;
	finishedAt: string | null;
	compileError?: { stderr: string; explanation: Explanation };
	cases: CaseView[];
	customInput: boolean;
	/** status 'replaced': the newer submission that took this one's place in the queue. */
	replacedBy: string | null;
}

/**
 * The explanation of a hidden case: a fixed text per verdict, with parameters only from the exercise's own limits
 * or from other verdicts, never from the run.
 */
export function hiddenCaseExplanation(result: Pick<CaseResult, 'verdict' | 'explanation'>): Explanation | undefined {
	const explanation = result.explanation;
	switch (explanation?.code) {
		case 'time_limit_exceeded':
		case 'memory_limit_exceeded':
		case 'output_limit_exceeded':
		case 'case_not_run':
			return explanation;
	}
	if (result.verdict === 'WA') return { code: 'hidden_case_wrong_answer' };
	if (result.verdict === 'RE') return { code: 'hidden_case_runtime_error' };
	return undefined;
}

/** Who may read a submission: its author, and coordinators. (Mentors read through review requests.) */
export function canView(viewer: Viewer, submission: Pick<Submission, 'userId'>): boolean {
	return submission.userId === viewer.id || viewer.roles.includes('coordinator');
}

/** The submission as `viewer` may see it; undefined when it does not exist or is not theirs to see. */
export async function viewSubmission(db: Database, id: string, viewer: Viewer): Promise<SubmissionView | undefined> {
	return describeSubmission(db, id, (submission) => canView(viewer, submission));
}

/**
 * A submission sent to a review discussion, for its mentor. Note: the caller has already checked that the viewer may
 * read the discussion (reviews/access.ts); the same redaction of hidden cases applies.
 */
export async function viewSubmissionUnderReview(db: Database, id: string): Promise<SubmissionView | undefined> {
	return describeSubmission(db, id, () => true);
}

async function describeSubmission(db: Database, id: string, mayView: (submission: Submission) => boolean): Promise<SubmissionView | undefined> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
	const row = await submissionWithExercise(db, id);
	if (!row || !mayView(row.submission)) return undefined;
	const { submission, exercise } = row;
	const customInput = submission.mode === 'run' && submission.stdin !== null;
	const judgedCases = customInput ? [] : await casesFor(db, submission.exerciseId, submission.mode);
	const results = submission.results?.cases ?? [];
	return {
		id: submission.id,
		exercise,
		language: submission.language,
		mode: submission.mode,
		status: submission.status,
		verdict: submission.verdict,
		casesDone: submission.casesDone,
		casesTotal: submission.casesTotal,
		sandboxed: submission.sandboxed,
		createdAt: submission.createdAt.toISOString(),
		finishedAt: submission.finishedAt?.toISOString() ?? null,
		...(submission.results?.compileError ? { compileError: submission.results.compileError } : {}),
		customInput,
		replacedBy: submission.replacedBy,
		cases: results.map((result, index) => {
			const testCase = judgedCases[index];
			const shown = customInput || testCase?.isSample === true;
			const base = { number: index + 1, sample: shown, verdict: result.verdict, timeMs: result.timeMs, ...(result.notRun ? { notRun: true as const } : {}) };
			if (!shown) return { ...base, explanation: hiddenCaseExplanation(result) };
			return {
				...base,
				explanation: result.explanation,
				input: customInput ? (submission.stdin ?? '') : testCase?.input,
				expectedOutput: customInput ? null : testCase?.expectedOutput,
				stdout: result.stdout,
				stdoutTruncated: result.stdoutTruncated ?? false,
				stderr: result.stderr
			};
		})
	};
}

/** Just what changes while judging, for the progress stream. */
export async function submissionProgress(db: Database, id: string, viewer: Viewer) {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
	const [row] = await db
		.select({ userId: submissions.userId, status: submissions.status, casesDone: submissions.casesDone, casesTotal: submissions.casesTotal })
		.from(submissions)
		.where(eq(submissions.id, id));
	if (!row || !canView(viewer, row)) return undefined;
	return { status: row.status, casesDone: row.casesDone, casesTotal: row.casesTotal };
}
