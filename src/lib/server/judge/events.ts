// Notices that the queue has work or that a submission moved on, so that idle workers and the students' event streams
// react at once instead of at their next poll. Within a process they travel in memory; between processes (web
// servers and judge workers on one PostgreSQL) through LISTEN/NOTIFY, which a trigger on `submissions` sends
// (supabase/migrations/20261207090000_fair_judge_queue.sql). Polling stays as the fallback, so a missed notice only
// costs its interval.
import { EventEmitter } from 'node:events';
import type { DatabaseConnection } from '../db';

const notices = new EventEmitter().setMaxListeners(0);

export function announceQueued(): void {
	notices.emit('queued');
}

export function onSubmissionQueued(listener: () => void): () => void {
	notices.on('queued', listener);
	return () => notices.off('queued', listener);
}

export function announceSubmissionChanged(id: string): void {
	notices.emit(`changed:${id}`);
}

export function onSubmissionChanged(id: string, listener: () => void): () => void {
	notices.on(`changed:${id}`, listener);
	return () => notices.off(`changed:${id}`, listener);
}

/** Resolves at the next change of submission `id`, after `timeoutMs`, or when `signal` aborts, whichever is first. */
export function nextChange(id: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			stop();
			signal?.removeEventListener('abort', done);
			resolve();
		};
		const timer = setTimeout(done, timeoutMs);
		const stop = onSubmissionChanged(id, done);
		signal?.addEventListener('abort', done, { once: true });
	});
}

/**
 * Relays this database's notices from other processes. Best effort: where LISTEN is not possible (a transaction
 * pooler) it resolves to a no-op and polling does the work.
 */
export async function relayDatabaseNotices(connection: DatabaseConnection, onError: (error: unknown) => void): Promise<() => Promise<void>> {
	try {
		const stopQueue = await connection.listen('judge_queue', () => announceQueued());
		const stopChanges = await connection.listen('submission_changed', (id) => announceSubmissionChanged(id));
		return async () => {
			await stopQueue();
			await stopChanges();
		};
	} catch (error) {
		onError(error);
		return async () => {};
	}
}
