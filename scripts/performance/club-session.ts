// One simulated student at a club session, over real HTTP: logs in with the login form, opens exercises, thinks, runs
// and submits programs (right, wrong, and the hostile ones a curious student tries), and follows each verdict the
// way the exercise page does (its event stream, then the result). Runs happen in the student's browser, so only the
// share of runs from browsers that cannot run the language reach the server.
import { benchPassword, studentEmail } from './large-dataset';
import { judgingEnded } from '../../src/lib/judge/verdicts';

export type ProgramKind = 'correct' | 'wrong' | 'infinite loop' | 'sleeper' | 'huge output' | 'fork attempt' | 'memory hog';

const programs: Record<ProgramKind, string> = {
	correct: 'a, b = map(int, input().split())\nprint(a + b)\n',
	wrong: 'a, b = map(int, input().split())\nprint(a - b)\n',
	'infinite loop': 'while True:\n    pass\n',
	sleeper: 'import time\ntime.sleep(30)\n',
	'huge output': "while True:\n    print('x' * 1000)\n",
	'fork attempt': 'import os\nwhile True:\n    os.fork()\n',
	'memory hog': "hog = []\nwhile True:\n    hog.append('x' * 10**6)\n"
};

export const honestKinds: ReadonlySet<ProgramKind> = new Set(['correct', 'wrong']);
const hostileKinds: ProgramKind[] = ['infinite loop', 'sleeper', 'huge output', 'fork attempt', 'memory hog'];

/** Half right, a quarter wrong, a quarter hostile. */
function pickProgram(random: () => number): ProgramKind {
	const roll = random();
	if (roll < 0.5) return 'correct';
	if (roll < 0.75) return 'wrong';
	return hostileKinds[Math.floor(random() * hostileKinds.length)]!;
}

export interface SessionTally {
	actions: Map<string, number>;
	/** Unexpected answers and failures, by what happened. */
	errors: Map<string, number>;
	/** 429s: the per-person limits doing their job. */
	rateLimited: number;
	/** Submission ids this simulation created. */
	submissions: string[];
	/** POST → the verdict on the student's page (event stream, then the result), honest and hostile programs apart. */
	verdictMs: { honest: number[]; hostile: number[] };
	/** Runs done in the browser (nothing sent to the server). */
	browserRuns: number;
}

export function createTally(): SessionTally {
	return { actions: new Map(), errors: new Map(), rateLimited: 0, submissions: [], verdictMs: { honest: [], hostile: [] }, browserRuns: 0 };
}

const increment = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

export interface StudentOptions {
	origin: string;
	memberIndex: number;
	exerciseSlugs: string[];
	until: number;
	/** Seconds between actions, drawn evenly from this range. */
	thinkSeconds: [number, number];
	/** The share of runs whose browser cannot run them, which the server runs instead (0–1). */
	serverRunShare: number;
	random: () => number;
	tally: SessionTally;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

export async function simulateStudent(options: StudentOptions): Promise<void> {
	const { origin, tally, random } = options;
	const think = () => sleep(1000 * (options.thinkSeconds[0] + random() * (options.thinkSeconds[1] - options.thinkSeconds[0])));
	// Students arrive over the first half minute, not in one instant.
	await sleep(random() * 30_000);
	const cookie = await logIn(origin, studentEmail(options.memberIndex), tally);
	if (!cookie) return;
	while (Date.now() < options.until) {
		const slug = options.exerciseSlugs[Math.floor(random() * options.exerciseSlugs.length)]!;
		await step(tally, 'open exercise', async () => {
			const response = await fetch(`${origin}/exercises/${slug}`, { headers: { cookie } });
			await response.arrayBuffer();
			return response.status === 200 ? undefined : `GET /exercises/{slug} ${response.status}`;
		});
		await think();
		// Usually a run or two before a submit.
		for (const mode of random() < 0.6 ? (['run', 'submit'] as const) : (['submit'] as const)) {
			if (Date.now() >= options.until) break;
			const kind = pickProgram(random);
			if (mode === 'run' && random() >= options.serverRunShare) {
				increment(tally.actions, `run in the browser (${kind})`);
				tally.browserRuns++;
			} else {
				await judgeOnce(origin, cookie, slug, mode, kind, tally);
			}
			await think();
		}
	}
}

async function step(tally: SessionTally, action: string, work: () => Promise<string | undefined>): Promise<void> {
	increment(tally.actions, action);
	try {
		const problem = await work();
		if (problem) increment(tally.errors, problem);
	} catch (error) {
		increment(tally.errors, `${action}: ${(error as Error).message}`);
	}
}

async function logIn(origin: string, email: string, tally: SessionTally): Promise<string | undefined> {
	let cookie: string | undefined;
	await step(tally, 'log in', async () => {
		const response = await fetch(`${origin}/login`, {
			method: 'POST',
			// As a browser without JavaScript posts it: with `Accept: */*` SvelteKit would answer the action as JSON.
			headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email, password: benchPassword }),
			redirect: 'manual'
		});
		await response.arrayBuffer();
		const session = response.headers.getSetCookie().find((value) => value.startsWith('session='));
		if (response.status !== 303 || !session) return `POST /login ${response.status}`;
		cookie = session.split(';')[0];
		return undefined;
	});
	return cookie;
}

/** Reads the submission's event stream, as the page's EventSource does, until judging ends. */
async function followEvents(origin: string, cookie: string, id: string): Promise<string> {
	const response = await fetch(`${origin}/api/submissions/${id}/events`, { headers: { cookie, accept: 'text/event-stream' } });
	if (response.status !== 200 || !response.body) {
		await response.arrayBuffer().catch(() => {});
		throw new Error(`GET /api/submissions/{id}/events ${response.status}`);
	}
	const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
	let buffered = '';
	let status = 'queued';
	for (;;) {
		const { value, done } = await reader.read();
		if (done) break;
		buffered += value;
		for (let end = buffered.indexOf('\n\n'); end !== -1; end = buffered.indexOf('\n\n')) {
			const event = buffered.slice(0, end);
			buffered = buffered.slice(end + 2);
			const data = /^data: (.*)$/m.exec(event)?.[1];
			if (data) status = (JSON.parse(data) as { status: string }).status;
		}
		if (judgingEnded(status)) {
			await reader.cancel();
			break;
		}
	}
	return status;
}

async function judgeOnce(origin: string, cookie: string, slug: string, mode: 'run' | 'submit', kind: ProgramKind, tally: SessionTally): Promise<void> {
	await step(tally, `${mode} on the server (${kind})`, async () => {
		const posted = performance.now();
		const response = await fetch(`${origin}/api/submissions`, {
			method: 'POST',
			headers: { cookie, origin, 'content-type': 'application/json' },
			body: JSON.stringify({ exercise: slug, language: 'python', source: programs[kind], mode })
		});
		const body = (await response.json().catch(() => ({}))) as { id?: string };
		if (response.status === 429) {
			tally.rateLimited++;
			return undefined;
		}
		if (response.status !== 202 || !body.id) return `POST /api/submissions ${response.status}`;
		tally.submissions.push(body.id);
		// The stream ends when judging does, or after its two minutes; the page then asks for where things stand.
		const deadline = Date.now() + 180_000;
		let view: { status: string } = { status: 'queued' };
		while (!judgingEnded(view.status) && Date.now() < deadline) {
			await followEvents(origin, cookie, body.id);
			const result = await fetch(`${origin}/api/submissions/${body.id}`, { headers: { cookie } });
			if (result.status !== 200) {
				await result.arrayBuffer();
				return `GET /api/submissions/{id} ${result.status}`;
			}
			view = (await result.json()) as { status: string };
		}
		if (!judgingEnded(view.status)) return 'no verdict within 3 minutes';
		tally.verdictMs[honestKinds.has(kind) ? 'honest' : 'hostile'].push(performance.now() - posted);
		return view.status === 'failed' ? 'judge failed (IE)' : undefined;
	});
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function residentMegabytes(pid: number, readStatus: (path: string) => string): number {
	const match = /VmRSS:\s+(\d+) kB/.exec(readStatus(`/proc/${pid}/status`));
	return match ? Number(match[1]) / 1024 : Number.NaN;
}
