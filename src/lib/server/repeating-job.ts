// The background loops of a web server (the mail sender, session reminders, guardians' digests): run once at start,
// then `intervalMs` after each run ends, so runs never overlap; stopping waits for the run in progress.
export interface RepeatingJob {
	stop(): Promise<void>;
}

export function startRepeatingJob(run: () => Promise<unknown>, options: { intervalMs: number; onError?: (error: unknown) => void }): RepeatingJob {
	let stopped = false;
	let running: Promise<unknown> = Promise.resolve();
	const tick = async () => {
		if (stopped) return;
		running = run().catch((error) => options.onError?.(error));
		await running;
		if (!stopped) timer = setTimeout(tick, options.intervalMs);
	};
	let timer = setTimeout(tick, 0);
	return {
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await running;
		}
	};
}
