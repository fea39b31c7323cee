export * from './applications';
export * from './members';
export * from './privacy';
export * from './roster';
export { schools, otherSchoolCode, schoolName, type School } from './schools';
export * from './vocabulary';
export { japanDate, schoolYearOf } from './dates';
export { consentLinkLifetimeMs } from './consent';
export * from './export';
