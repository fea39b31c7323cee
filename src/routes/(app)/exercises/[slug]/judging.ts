// The page's conversation with the judge: send a program, follow its progress, fetch the verdict.
import { judgingEnded } from '$lib/judge/verdicts';
import type { SubmissionView } from '$lib/server/judge';

export type Progress = Pick<SubmissionView, 'status' | 'casesDone' | 'casesTotal'>;

export interface JudgeRequestBody {
	exercise: string;
	language: string;
	source: string;
	mode: 'run' | 'submit';
	stdin?: string;
}

export class JudgeRequestError extends Error {}

/** The submission's id, and the review discussion it joined as the next iteration, if any. */
export interface Accepted {
	id: string;
	review?: { requestId: string; iteration: number };
}

export async function sendToJudge(body: JudgeRequestBody): Promise<Accepted> {
	const response = await fetch('/api/submissions', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	const answer = (await response.json().catch(() => ({}))) as Partial<Accepted> & { message?: string };
	if (response.status !== 202 || !answer.id) throw new JudgeRequestError(answer.message ?? String(response.status));
	return { id: answer.id, review: answer.review };
}

/** Streams progress until judging ends, then returns the full result. */
export async function followSubmission(id: string, onProgress: (progress: Progress) => void): Promise<SubmissionView> {
	await new Promise<void>((resolve) => {
		const events = new EventSource(`/api/submissions/${id}/events`);
		const finish = () => {
			events.close();
			resolve();
		};
		events.onmessage = (event) => {
			const progress = JSON.parse(event.data) as Progress;
			onProgress(progress);
			if (judgingEnded(progress.status)) finish();
		};
		// The stream also ends this way when the server closes it; the fetch below tells where judging stands.
		events.onerror = finish;
	});
	for (;;) {
		const response = await fetch(`/api/submissions/${id}`);
		if (!response.ok) throw new JudgeRequestError(String(response.status));
		const view = (await response.json()) as SubmissionView;
		if (judgingEnded(view.status)) return view;
		onProgress(view);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
