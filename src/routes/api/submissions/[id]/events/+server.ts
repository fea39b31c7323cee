import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import { judgingEnded } from '$lib/judge/verdicts';
import { nextChange, submissionProgress } from '$lib/server/judge';
import type { RequestHandler } from './$types';

// Progress while cases finish ("3/10"), as server-sent events. The row is read again when the judge announces a
// change (in memory, or by NOTIFY from a worker in another process: judge/events.ts), and at least once a second
// in case a notice was missed.
const pollMs = 1000;
const maxStreamMs = 120_000;

export const GET: RequestHandler = async ({ params, locals, request }) => {
	const { user } = auth.requireUser(locals);
	const first = await submissionProgress(locals.db, params.id, user);
	if (!first) error(404, 'not found');
	const db = locals.db;
	const encoder = new TextEncoder();
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const started = Date.now();
			let last = '';
			let progress: typeof first | undefined = first;
			const finished = new AbortController();
			const stopped = AbortSignal.any([request.signal, finished.signal]);
			while (progress && !request.signal.aborted) {
				// Listening before reading: a change between the two is then never missed.
				const changed = nextChange(params.id, pollMs, stopped);
				progress = await submissionProgress(db, params.id, user).catch(() => undefined);
				if (!progress) break;
				const event = JSON.stringify(progress);
				if (event !== last) controller.enqueue(encoder.encode(`data: ${event}\n\n`));
				last = event;
				if (judgingEnded(progress.status) || Date.now() - started > maxStreamMs) break;
				await changed;
			}
			finished.abort();
			controller.close();
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-accel-buffering': 'no' }
	});
};
