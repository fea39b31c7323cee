// Notices between processes: the trigger on submissions announces new work and every change of a submission.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import { nextChange, onSubmissionChanged, onSubmissionQueued, relayDatabaseNotices } from './events';
import * as queue from './queue';
import { createSumExercise, sumPrograms } from './testing';

describeEachDatabase('judge notices', (connection) => {
	const db = () => connection().db;

	it('a new submission wakes workers and each change of it reaches its listeners, through the database', async () => {
		const user = await createUser(db());
		const exercise = await createSumExercise(db());
		const received: string[] = [];
		const stopRelay = await relayDatabaseNotices(connection(), (error) => {
			throw error;
		});
		const queued = new Promise<void>((resolve) => {
			const stop = onSubmissionQueued(() => {
				stop();
				resolve();
			});
		});
		const { id } = await queue.enqueueSubmission(db(), {
			userId: user.id,
			exerciseId: exercise.id,
			language: 'python',
			mode: 'submit',
			source: sumPrograms.python,
			stdin: null
		});
		await queued;

		const changed = new Promise<void>((resolve) => {
			const stop = onSubmissionChanged(id, () => {
				received.push(id);
				stop();
				resolve();
			});
		});
		const claimed = await queue.claimNext(db(), 'worker', 60_000);
		expect(claimed?.submission.id).toBe(id);
		// Only the database's NOTIFY can deliver this one: claiming announces nothing in memory.
		await changed;
		expect(received).toEqual([id]);
		await stopRelay();
	});

	it('nextChange resolves at its deadline when nothing changes', async () => {
		const waited = nextChange(crypto.randomUUID(), 1);
		await expect(waited).resolves.toBeUndefined();
	});
});
