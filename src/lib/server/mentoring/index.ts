export * from './applications';
export * from './mentors';
export * from './organisations';
export { studentPublicProfile, studentPublicProfiles, type StudentPublicProfile } from './profiles';
export * from './vocabulary';
