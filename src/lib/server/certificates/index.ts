// Certificates and recognition: students' 修了証 for completed tracks and school years, mentors' yearly activity
// certificates, each verifiable by anyone with its link; mentors' records of their time; partner organisations' reports.
// import * as certificates from '$lib/server/certificates'
export * from './certificates';
export { studentAchievements, holderNames, type StudentAchievements, type TrackProgress, type SchoolYearRecord, type HolderNames } from './student';
export { mentorRecord, organisationReport, reportableYears, type MentorRecord, type MentorYear, type OrganisationReport } from './mentors';
export { certificatePdf, certificateFileName, verificationUrl, japaneseDate, schoolYearPeriod } from './render';
export { exportOrganisationReport, type ReportFormat } from './reports';
export { tracks, trackById, type Track, type TrackId } from './tracks';
export { certificates as certificatesTable, certificateKinds, nameChoices } from './schema';
export type { Certificate, CertificateFacts, CertificateKind, NameChoice, TrackFacts, SchoolYearFacts, MentorYearFacts } from './schema';
