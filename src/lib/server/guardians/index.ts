// Guardians kept informed: their choices at consent, the monthly digest of their child's club activity, one-click
// unsubscribing, and their requests about the child's data, all through mailed links (guardians have no account).
// import * as guardians from '$lib/server/guardians'
export { answerConsent, findSubscription, unsubscribe, guardianLocale, type ConsentChoices, type LinkContext, type Subscription } from './preferences';
export { gatherDigest, composeDigest, sendMonthlyDigests, startDigestJob, dueDigestMonth, digestHourJapan, type ChildDigest } from './digest';
export {
	findDataRequestPage,
	requestDataCopy,
	findExport,
	downloadExport,
	requestChildDeletion,
	type GuardianRequestProblem,
	type DataRequestPage
} from './requests';
export { linkLifetimeMs } from './links';
