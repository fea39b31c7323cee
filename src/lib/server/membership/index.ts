export * from './applications';
export * from './members';
export * from './privacy';
export * from './guardian';
export * from './roster';
export { schools, otherSchoolCode, schoolName, isSchoolCode, type School } from './schools';
export * from './vocabulary';
export { consentLinkLifetimeMs } from './consent';
export * from './export';
