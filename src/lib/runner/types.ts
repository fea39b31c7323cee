// What the browser's runner is asked and what it answers: the same shape the server's sandbox gives the judge.
import type { RunOutcome } from '../judge/classify';
import type { Language } from '../judge/languages';

export interface BrowserRun {
	language: Language;
	source: string;
	stdin: string;
	timeLimitMs: number;
	outputLimitKb: number;
	/** DNCL only: the exercise's first array index. */
	dnclArrayBase?: 0 | 1;
	/** 停止: ends the run at once. */
	signal?: AbortSignal;
	/** Called while the language's runtime is being fetched and prepared (Python's first run). */
	onPreparing?: (preparing: boolean) => void;
}

export interface BrowserRunOutcome extends RunOutcome {
	/** The student pressed 停止. */
	stopped: boolean;
	/** The program does not compile (a syntax error); nothing ran. */
	compileError?: boolean;
}

/** The browser cannot run this (no Web Workers or WebAssembly, or the runtime failed to load): use the server. */
export class BrowserRunUnavailable extends Error {
	override name = 'BrowserRunUnavailable';
}
