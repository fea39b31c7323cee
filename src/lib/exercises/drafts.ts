// Saves what a student types to the server (PUT …/draft) about a second after they stop typing, at least every
// ten seconds while they keep typing, and at once when the page is hidden or left (keepalive outlives the page).

export type DraftStatus = 'idle' | 'saving' | 'saved' | 'failed';

export interface Draft {
	language: string;
	source: string;
}

export interface DraftSaver {
	/** Something changed: save it soon. */
	schedule(draft: Draft): void;
	/** Save what is waiting now. */
	flush(options?: { leavingPage?: boolean }): Promise<void>;
	stop(): void;
}

export function createDraftSaver(url: string, onStatus: (status: DraftStatus) => void, timing = { delayMs: 1000, maxWaitMs: 10_000 }): DraftSaver {
	let waiting: Draft | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let firstChangeAt: number | undefined;
	let lastSaved = new Map<string, string>();

	async function flush(options: { leavingPage?: boolean } = {}) {
		clearTimeout(timer);
		timer = undefined;
		firstChangeAt = undefined;
		const draft = waiting;
		waiting = undefined;
		if (!draft || lastSaved.get(draft.language) === draft.source) return;
		onStatus('saving');
		try {
			const response = await fetch(url, {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(draft),
				keepalive: options.leavingPage === true
			});
			if (!response.ok) throw new Error(String(response.status));
			lastSaved = new Map(lastSaved).set(draft.language, draft.source);
			onStatus('saved');
		} catch {
			// Kept for the next attempt, unless something newer is already waiting.
			waiting ??= draft;
			onStatus('failed');
		}
	}

	return {
		schedule(draft) {
			waiting = draft;
			firstChangeAt ??= Date.now();
			clearTimeout(timer);
			const wait = Math.max(0, Math.min(timing.delayMs, firstChangeAt + timing.maxWaitMs - Date.now()));
			timer = setTimeout(() => void flush(), wait);
		},
		flush,
		stop() {
			clearTimeout(timer);
		}
	};
}
