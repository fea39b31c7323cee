// Groups: coordinators' groups of students (a school's club, a 活動日 cohort, a class), join codes, assigned mentors
// and the group's progress page.
// import * as groups from '$lib/server/groups'
export * from './groups';
export * from './codes';
export * from './progress';
export type { Group } from './schema';
