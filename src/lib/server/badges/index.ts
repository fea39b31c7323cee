// Badges: milestones students value, awarded once by the database when they happen (a verdict, a check-in, a review's
// outcome), shown on the student's profile with how to earn the rest, and announced after a correct answer.
// import * as badges from '$lib/server/badges'
export { studentBadges, announceNewBadges, earnedBadges, earnedBadgesOfReviewStudent, awardEarnedBadges, exportOwnBadges } from './awards';
export type { BadgeStatus, EarnedBadge } from '../../badges/catalogue';
