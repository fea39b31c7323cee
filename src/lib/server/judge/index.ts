// The judge: runs students' programs in a sandbox and gives verdicts, through a queue in Postgres.
// import * as judge from '$lib/server/judge'
export { judgeSource } from './judge';
export type { JudgeCase, JudgeReport, JudgeRequest, JudgeResults, CompileError } from './judge';
export type { CaseResult } from '../../judge/classify';
export { createSandbox, probeSandbox, SandboxUnavailableError } from './sandbox';
export type { Sandbox, SandboxOptions, ProbeResult } from './sandbox';
export { startWorkers } from './worker';
export { nextChange, onSubmissionQueued, onSubmissionChanged, relayDatabaseNotices } from './events';
export type { WorkerOptions, WorkerPool } from './worker';
export {
	enqueueSubmission,
	getSubmission,
	claimNext,
	heartbeat,
	recordProgress,
	completeSubmission,
	failOrRetry,
	releaseSubmission,
	newSubmissionSchema,
	SubmissionRejected,
	maxAttempts
} from './queue';
export type { NewSubmission, Lease, Enqueued } from './queue';
export { compareModes, outputsMatch } from '../../judge/compare';
export type { CompareMode } from '../../judge/compare';
export { languages } from './languages';
export type { Language } from './languages';
export { defaultLimits } from './limits';
export type { RunLimits } from './limits';
export { caseVerdicts, submissionVerdicts, worstVerdict } from '../../judge/verdicts';
export type { CaseVerdict, SubmissionVerdict } from '../../judge/verdicts';
export { explanationCodes, explanationMessageKey } from '../../judge/explanations';
export type { Explanation, ExplanationCode } from '../../judge/explanations';
export { submissions } from './schema';
export type { Submission, SubmissionMode, SubmissionStatus } from './schema';
export { acceptSubmission, submissionRequest, intakeWindows } from './intake';
export type { SubmissionRequest, IntakeProblem, IntakeResult } from './intake';
export { canView, viewSubmission, viewSubmissionUnderReview, submissionProgress, hiddenCaseExplanation } from './view';
export type { Viewer, CaseView, SubmissionView } from './view';
