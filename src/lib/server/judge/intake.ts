// Accepting a program from a person: the checks at the door before it joins the queue.
import { z } from 'zod';
import type { Database } from '../db';
import * as rateLimit from '../ratelimit';
import { languages } from './languages';
import { enqueueSubmission, maxSourceBytes, maxStdinBytes, SubmissionRejected } from './queue';
import { submissionModes } from './schema';
import { findExerciseId } from './exercises';
import type { Refusal } from '../outcome';

/** The JSON body of POST /api/submissions. */
export const submissionRequest = z.object({
	exercise: z.string().min(1).max(100),
	language: z.enum(languages),
	source: z.string(),
	mode: z.enum(submissionModes),
	stdin: z.string().optional()
});
export type SubmissionRequest = z.infer<typeof submissionRequest>;

// A club session is 60 students at once on one address, so the limits are per person, not per address.
export const intakeWindows = {
	run: { limit: 20, windowMs: 60_000 },
	submit: { limit: 10, windowMs: 60_000 }
} as const;

export type IntakeProblem =
	'judge_error_too_large' | 'judge_error_rate_limited' | 'judge_error_exercise_not_found' | 'judge_error_language_not_allowed' | 'judge_error_invalid';

/** A refusal here also names the HTTP status the API answers with. */
export type IntakeResult = { ok: true; id: string } | (Refusal<IntakeProblem> & { status: 400 | 404 | 413 | 429 });

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

export async function acceptSubmission(db: Database, person: { id: string; roles: readonly string[] }, request: SubmissionRequest): Promise<IntakeResult> {
	if (byteLength(request.source) > maxSourceBytes || byteLength(request.stdin ?? '') > maxStdinBytes) {
		return { ok: false, problem: 'judge_error_too_large', status: 413 };
	}
	if (request.stdin !== undefined && request.mode !== 'run') return { ok: false, problem: 'judge_error_invalid', status: 400 };
	const canSeeDrafts = person.roles.includes('coordinator');
	const exerciseId = await findExerciseId(db, request.exercise, { includeDrafts: canSeeDrafts });
	if (!exerciseId) return { ok: false, problem: 'judge_error_exercise_not_found', status: 404 };
	if (!(await rateLimit.tryConsume(db, `judge:${request.mode}:${person.id}`, intakeWindows[request.mode]))) {
		return { ok: false, problem: 'judge_error_rate_limited', status: 429 };
	}
	try {
		const { id } = await enqueueSubmission(db, {
			userId: person.id,
			exerciseId,
			language: request.language,
			mode: request.mode,
			source: request.source,
			stdin: request.stdin ?? null
		});
		return { ok: true, id };
	} catch (error) {
		if (error instanceof SubmissionRejected) {
			return error.reason === 'language_not_allowed'
				? { ok: false, problem: 'judge_error_language_not_allowed', status: 400 }
				: { ok: false, problem: 'judge_error_exercise_not_found', status: 404 };
		}
		throw error;
	}
}
