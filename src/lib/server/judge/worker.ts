// Judge workers: loops that claim submissions from the queue and judge them, inside the web server or
// in a process of their own (scripts/judge-worker.ts). Several processes may share one database.
import { randomBytes } from 'node:crypto';
import { availableParallelism, hostname } from 'node:os';
import type { Database } from '../db';
import { describeError, log } from '../log';
import { judgeRequestFor } from './exercises';
import { judgeSource } from './judge';
import { announceSubmissionChanged, onSubmissionQueued } from './events';
import * as queue from './queue';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';
import type { Submission } from './schema';
import type { SubmissionVerdict } from '../../judge/verdicts';

export interface WorkerOptions {
	/** Refuse to start without a fully working sandbox. */
	production: boolean;
	/** Submissions judged at once; default: one per CPU core. */
	concurrency?: number;
	sandbox?: Omit<SandboxOptions, 'production'>;
	/** Stops the workers like `stop()`. */
	signal?: AbortSignal;
	/** How often an idle worker looks for work enqueued by other processes. */
	pollIntervalMs?: number;
	/** How long a claim holds without a heartbeat before another worker may take the submission over. */
	leaseMs?: number;
	/** Called after a submission's result is written. */
	onFinished?: (submission: { id: string; status: 'done' | 'failed'; verdict: SubmissionVerdict | null }) => void;
}

export interface WorkerPool {
	readonly sandboxed: boolean;
	/** Stops claiming, abandons the submissions being judged (back to the queue, attempt not counted), resolves when idle. */
	stop(): Promise<void>;
}

export const defaultPollIntervalMs = 200;
export const defaultLeaseMs = 30_000;
/** How often the cases judged so far are written while judging: a progress bar needs no more. */
const progressIntervalMs = 100;

class LeaseLost extends Error {}
class ShuttingDown extends Error {}

export async function startWorkers(db: Database, options: WorkerOptions): Promise<WorkerPool> {
	const sandbox = await createSandbox({ ...options.sandbox, production: options.production });
	return runWorkers(db, sandbox, options);
}

/** The pool with a sandbox already made (tests give it one). */
export function runWorkers(db: Database, sandbox: Sandbox, options: Omit<WorkerOptions, 'sandbox'>): WorkerPool {
	const concurrency = options.concurrency ?? availableParallelism();
	const processId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
	const stopping = new AbortController();
	const stopOnSignal = () => stopping.abort(new ShuttingDown());
	if (options.signal?.aborted) stopOnSignal();
	options.signal?.addEventListener('abort', stopOnSignal, { once: true });

	const context: SlotContext = {
		db,
		sandbox,
		stopping: stopping.signal,
		pollIntervalMs: options.pollIntervalMs ?? defaultPollIntervalMs,
		leaseMs: options.leaseMs ?? defaultLeaseMs,
		onFinished: options.onFinished
	};
	const slots = Array.from({ length: concurrency }, (_, index) => runSlot(context, `${processId}/${index}`));
	const idle = Promise.all(slots).then(() => options.signal?.removeEventListener('abort', stopOnSignal));
	return {
		sandboxed: sandbox.sandboxed,
		async stop() {
			stopOnSignal();
			await idle;
		}
	};
}

interface SlotContext {
	db: Database;
	sandbox: Sandbox;
	stopping: AbortSignal;
	pollIntervalMs: number;
	leaseMs: number;
	onFinished: WorkerOptions['onFinished'];
}

async function runSlot(context: SlotContext, workerId: string): Promise<void> {
	while (!context.stopping.aborted) {
		let claimed: Awaited<ReturnType<typeof queue.claimNext>>;
		try {
			claimed = await queue.claimNext(context.db, workerId, context.leaseMs);
		} catch (error) {
			if (context.stopping.aborted) return;
			log.error('judge: cannot claim a submission', { workerId, error });
			claimed = undefined;
		}
		if (claimed) await judgeClaimed(context, claimed.submission, claimed.lease);
		else await waitForWork(context.pollIntervalMs, context.stopping);
	}
}

function waitForWork(pollIntervalMs: number, stopping: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			stopListening();
			stopping.removeEventListener('abort', done);
			resolve();
		};
		const timer = setTimeout(done, pollIntervalMs);
		const stopListening = onSubmissionQueued(done);
		stopping.addEventListener('abort', done, { once: true });
	});
}

async function judgeClaimed(context: SlotContext, submission: Submission, lease: queue.Lease): Promise<void> {
	const { db } = context;
	const judging = new AbortController();
	const abandon = () => judging.abort(new ShuttingDown());
	context.stopping.addEventListener('abort', abandon, { once: true });
	const keepLease = async (write: Promise<boolean>) => {
		if (!(await write)) judging.abort(new LeaseLost());
	};
	const heartbeat = setInterval(() => void keepLease(queue.heartbeat(db, lease)).catch(() => {}), context.leaseMs / 3);
	const progress = progressWriter(async (progressMade) => {
		await keepLease(queue.recordProgress(db, lease, progressMade));
		announceSubmissionChanged(submission.id);
	});
	try {
		const request = await judgeRequestFor(db, submission);
		progress.update({ casesDone: 0, casesTotal: request.cases.length });
		const report = await judgeSource(context.sandbox, request, {
			signal: judging.signal,
			onCaseJudged: (casesDone) => progress.update({ casesDone, casesTotal: request.cases.length })
		});
		await progress.stop();
		judging.signal.throwIfAborted();
		if (await queue.completeSubmission(db, lease, report)) {
			context.onFinished?.({ id: submission.id, status: 'done', verdict: report.verdict });
		}
	} catch (error) {
		await progress.stop().catch(() => {});
		const reason: unknown = judging.signal.aborted ? judging.signal.reason : error;
		if (reason instanceof LeaseLost) {
			log.warn('judge: lease lost, another worker has the submission', { submissionId: submission.id });
		} else if (reason instanceof ShuttingDown) {
			await queue.releaseSubmission(db, lease).catch(() => {});
		} else {
			log.error('judge: judging failed', { submissionId: submission.id, attempt: submission.attempts, error });
			// Described like the log describes it: a database error's message would carry its query's values.
			const status = await queue.failOrRetry(db, lease, JSON.stringify(describeError(error))).catch(() => undefined);
			if (status === 'failed') context.onFinished?.({ id: submission.id, status, verdict: 'IE' });
		}
	} finally {
		clearInterval(heartbeat);
		context.stopping.removeEventListener('abort', abandon);
		announceSubmissionChanged(submission.id);
	}
}

type Progress = { casesDone: number; casesTotal: number };

/**
 * Writes the latest progress every progressIntervalMs, one write at a time, instead of once per case:
 * a submission of quick cases is done before its first tick, and its verdict carries the final count.
 */
function progressWriter(write: (progress: Progress) => Promise<void>) {
	let latest: Progress | undefined;
	let written: Progress | undefined;
	let writing = Promise.resolve();
	let failure: unknown;
	const tick = () => {
		const next = latest;
		if (!next || next === written) return;
		written = next;
		writing = writing.then(() => write(next)).catch((error: unknown) => void (failure ??= error));
	};
	const timer = setInterval(tick, progressIntervalMs);
	return {
		update(progress: Progress) {
			latest = progress;
		},
		/** Stops writing; rejects if a write failed. */
		async stop() {
			clearInterval(timer);
			await writing;
			if (failure) throw failure;
		}
	};
}
