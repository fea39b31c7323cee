// The line-comment form: keeping a comment for reuse, and the saved comment it started from.
import { describe, expect, it } from 'vitest';
import { maxSavedCommentLength } from '../server/reviews/schema';
import { lineCommentForm } from './reviews';

describe('the line-comment form', () => {
	const base = { iteration: '1', line: '3', body: '名前のあとに「さん」をつなげよう' };

	it('reads the saved comment it started from, and ignores one that is not an id', () => {
		expect(lineCommentForm.parse({ ...base, savedCommentId: '12', save: 'on' })).toMatchObject({ savedCommentId: 12, save: true });
		expect(lineCommentForm.parse({ ...base, savedCommentId: '' })).toMatchObject({ savedCommentId: undefined, save: false });
		expect(lineCommentForm.parse({ ...base, savedCommentId: '-1' }).savedCommentId).toBeUndefined();
		expect(lineCommentForm.parse({ ...base, savedCommentId: 'x' }).savedCommentId).toBeUndefined();
	});

	it('refuses to keep a comment longer than a saved one may be, and posts it when it is not kept', () => {
		const long = { ...base, body: 'あ'.repeat(maxSavedCommentLength + 1) };
		const kept = lineCommentForm.safeParse({ ...long, save: 'on' });
		expect(kept.success).toBe(false);
		expect(kept.error?.issues).toEqual([expect.objectContaining({ path: ['body'], message: 'review_saved_error_too_long' })]);
		expect(lineCommentForm.safeParse(long).success).toBe(true);
	});
});
