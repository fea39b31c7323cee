import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDraftSaver, type DraftStatus } from './drafts';

describe('createDraftSaver', () => {
	let sent: Array<{ body: unknown; keepalive: boolean | undefined }>;
	let statuses: DraftStatus[];
	let failing: boolean;
	beforeEach(() => {
		vi.useFakeTimers();
		sent = [];
		statuses = [];
		failing = false;
		vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
			sent.push({ body: JSON.parse(String(init.body)), keepalive: init.keepalive });
			return new Response(null, { status: failing ? 503 : 200 });
		});
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	const saver = () => createDraftSaver('/exercises/x/draft', (status) => statuses.push(status));

	it('saves the latest text a second after typing stops, once', async () => {
		const drafts = saver();
		drafts.schedule({ language: 'python', source: 'p' });
		await vi.advanceTimersByTimeAsync(500);
		drafts.schedule({ language: 'python', source: 'pr' });
		await vi.advanceTimersByTimeAsync(999);
		expect(sent).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(sent).toEqual([{ body: { language: 'python', source: 'pr' }, keepalive: false }]);
		expect(statuses).toEqual(['saving', 'saved']);
	});

	it('saves at least every ten seconds while the student keeps typing', async () => {
		const drafts = saver();
		for (let key = 0; key < 25; key++) {
			drafts.schedule({ language: 'python', source: 'x'.repeat(key + 1) });
			await vi.advanceTimersByTimeAsync(500);
		}
		expect(sent.length).toBe(1);
		expect((sent[0]?.body as { source: string }).source.length).toBe(20);
	});

	it('saves at once, with keepalive, when the page is left; nothing twice', async () => {
		const drafts = saver();
		drafts.schedule({ language: 'javascript', source: 'let a;' });
		await drafts.flush({ leavingPage: true });
		expect(sent).toEqual([{ body: { language: 'javascript', source: 'let a;' }, keepalive: true }]);
		drafts.schedule({ language: 'javascript', source: 'let a;' });
		await drafts.flush();
		expect(sent).toHaveLength(1);
	});

	it('keeps a draft that failed to save for the next attempt', async () => {
		const drafts = saver();
		failing = true;
		drafts.schedule({ language: 'python', source: 'print(1)' });
		await drafts.flush();
		expect(statuses).toEqual(['saving', 'failed']);
		failing = false;
		await drafts.flush();
		expect(sent.map((request) => request.body)).toEqual([
			{ language: 'python', source: 'print(1)' },
			{ language: 'python', source: 'print(1)' }
		]);
		expect(statuses.at(-1)).toBe('saved');
	});
});
