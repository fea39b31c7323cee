export * from './codes';
export * from './visits';
export * from './bookings';
export * from './attendance';
export { runTrialJobs, startTrialJobs, sendTrialReminders, sendTrialInvitations, eraseExpiredBookings, type TrialJobContext } from './jobs';
export type { TrialBookingStatus, ReferralCode } from './schema';
