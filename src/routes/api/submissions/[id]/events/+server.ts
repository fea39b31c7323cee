import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import { submissionProgress } from '$lib/server/judge/view';
import type { RequestHandler } from './$types';

// Progress while cases finish ("3/10"), as server-sent events. The worker may be another process or machine,
// so this reads the row (by primary key) a few times a second rather than listening in memory.
const pollMs = 250;
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
			while (progress && !request.signal.aborted) {
				const event = JSON.stringify(progress);
				if (event !== last) controller.enqueue(encoder.encode(`data: ${event}\n\n`));
				last = event;
				if (progress.status === 'done' || progress.status === 'failed' || Date.now() - started > maxStreamMs) break;
				await new Promise((resolve) => setTimeout(resolve, pollMs));
				progress = await submissionProgress(db, params.id, user).catch(() => undefined);
			}
			controller.close();
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-accel-buffering': 'no' }
	});
};
