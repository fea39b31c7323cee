export * from './sessions';
export * from './participation';
export { sessionRoster, type SessionRoster } from './roster';
export * from './attendance';
export { createCalendarFeed, deleteCalendarFeed, calendarFeedStatus, calendarFeed } from './feeds';
export { attendanceSummary, type AttendanceSummary } from './summary';
export type { ParticipantRole, ParticipantStatus, SessionKind } from './schema';
export { calendarMonth, type CalendarMonth } from './calendar';
export { sendSessionReminders, startReminderJob, reminderHourJapan } from './reminders';
export {
	addSessionExercise,
	addableExercises,
	isSessionStaff,
	listSessionExercises,
	maxSessionExercises,
	moveSessionExercise,
	myExercisesIn,
	removeSessionExercise,
	sessionPageExercises,
	studentSeesExercises,
	todaysExercisesOf,
	type ExerciseState,
	type MyExercise,
	type SessionExercise,
	type SessionExercisesProblem,
	type SessionPageExercises,
	type TodaysSession
} from './session-exercises';
export { sessionRoom, stuckRule, isStuck, type Room, type RoomStudent, type RoomCell, type RoomProblem } from './room';
