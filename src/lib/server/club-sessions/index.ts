export * from './sessions';
export * from './participation';
export { sessionRoster, type SessionRoster } from './roster';
export * from './attendance';
export { createCalendarFeed, deleteCalendarFeed, calendarFeedStatus, calendarFeed } from './feeds';
export { attendanceSummary, type AttendanceSummary } from './summary';
export type { ParticipantRole, ParticipantStatus } from './schema';
export { calendarMonth, type CalendarMonth } from './calendar';
export { sendSessionReminders, startReminderJob, reminderHourJapan } from './reminders';
