// Reviews of submissions: students ask, mentors claim from a first-come-first-served queue, comment on lines and
// conclude; the student replies and sends the next iteration. Coordinators watch the backlog.
// import * as reviews from '$lib/server/reviews'
export type { Permissions, Viewer } from './access';
export * from './queue';
export * from './requests';
export * from './comments';
export { listSavedComments, saveComment, deleteSavedComment, earlierReviewsOfExercise, savedCommentTotals, savedCommentsPerExercise } from './saved-comments';
export type { EarlierReview, SavedComment, SavedCommentProblem } from './saved-comments';
export * from './discussion';
export * from './backlog';
export { openHelpRequestsOf, type OpenHelpRequest } from './help';
export { exportOwnReviews, exportOwnReviewComments } from './export';
export type { ReviewKind, ReviewOutcome, ReviewStatus } from './schema';
