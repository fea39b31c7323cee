// Form schemas of code reviews, shared by the pages and their actions. Error messages are message keys.
import { z } from 'zod';
import { maxSavedCommentLength, reviewKinds, reviewOutcomes } from '../server/reviews/schema';
import { optionalText } from './mentoring';

const body = z.string().trim().min(1, 'review_error_body_required').max(4000, 'review_error_body_too_long');

/** A student sends a submission: for a review (question optional) or for help while stuck (question required). */
export const reviewRequestForm = z
	.object({
		kind: z.enum(reviewKinds).catch('review'),
		question: optionalText(2000, 'review_error_question_too_long')
	})
	.refine((form) => form.kind === 'review' || form.question !== undefined, { message: 'review_error_question_required', path: ['question'] });

/** The id of the saved comment a line comment started from (counted as one use), or nothing. */
const savedCommentId = z.preprocess(
	(value) => (value === '' || value === null ? undefined : value),
	z.coerce.number().int().positive().optional().catch(undefined)
);

export const lineCommentForm = z
	.object({
		savedCommentId,
		/** Also keep the comment in the exercise's saved comments. */
		save: z.preprocess((value) => value === 'on', z.boolean()),
		iteration: z.coerce.number({ error: 'review_error_line_invalid' }).int('review_error_line_invalid').min(1, 'review_error_line_invalid'),
		line: z.coerce
			.number({ error: 'review_error_line_invalid' })
			.int('review_error_line_invalid')
			.min(1, 'review_error_line_invalid')
			.max(100000, 'review_error_line_invalid'),
		body
	})
	// A comment too long to keep is refused before anything is written, so that it is neither posted nor lost.
	.refine((form) => !form.save || form.body.length <= maxSavedCommentLength, { message: 'review_saved_error_too_long', path: ['body'] });

export const reviewForm = z.object({
	body,
	outcome: z.enum(reviewOutcomes, { error: 'review_error_outcome_required' })
});

export const replyForm = z.object({ body });

export const highlightDaysForm = z.object({
	highlightAfterDays: z.coerce
		.number({ error: 'review_error_days_invalid' })
		.int('review_error_days_invalid')
		.min(1, 'review_error_days_invalid')
		.max(60, 'review_error_days_invalid')
});
