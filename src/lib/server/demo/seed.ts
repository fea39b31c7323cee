// Demo data for `npm run dev` on an empty database. Never runs in production (see config.seedDemo).
// Exercises are not seeded here: the curriculum folders are imported at every start (exercises/import.ts).
import type { Database } from '../db';
import type { Role } from '../db/schema';
import * as auth from '../auth';
import { seedDemoRoster } from '../membership/demo';
import { seedDemoMentoring } from '../mentoring/demo';
import { seedDemoReviews } from '../reviews/demo';
import { seedDemoSessions } from '../club-sessions/demo';
import { seedDemoContests } from '../contests/demo';
import { seedDemoBadges } from '../badges/demo';
import { seedDemoGroups } from '../groups/demo';
import { seedDemoGuardians } from '../guardians/demo';
import { seedDemoFunnel } from '../dashboard/demo';
import { seedDemoCertificates } from '../certificates/demo';
import { seedDemoTrials } from '../trials/demo';

export const demoPassword = 'itbu-demo-2026';

export const demoAccounts: Array<{ email: string; displayName: string; roles: Role[] }> = [
	{ email: 'coordinator@demo.itbu.jp', displayName: '事務局 金沢', roles: ['coordinator'] },
	{ email: 'mentor@demo.itbu.jp', displayName: 'メンター 犀川', roles: ['mentor'] },
	{ email: 'student@demo.itbu.jp', displayName: 'はるか', roles: ['student'] }
];

/** The mentor applicant waiting for approval, created with the demo's partner organisations (mentoring/demo.ts). */
export const demoApplicantEmail = 'mentor-applicant@demo.itbu.jp';

export async function seedDemoData(db: Database): Promise<void> {
	for (const account of demoAccounts) {
		await auth.createAccount(db, { ...account, password: demoPassword, emailVerified: true });
	}
	await seedDemoRoster(db, { studentEmail: 'student@demo.itbu.jp' });
	await seedDemoTrials(db, { coordinatorEmail: 'coordinator@demo.itbu.jp' });
	await seedDemoMentoring(db, { mentorEmail: 'mentor@demo.itbu.jp', applicantEmail: demoApplicantEmail, applicantPassword: demoPassword });
	await seedDemoSessions(db, { coordinatorEmail: 'coordinator@demo.itbu.jp', mentorEmail: 'mentor@demo.itbu.jp', studentEmail: 'student@demo.itbu.jp' });
	await seedDemoReviews(db, { studentEmail: 'student@demo.itbu.jp', mentorEmail: 'mentor@demo.itbu.jp' });
	await seedDemoBadges(db, { studentEmail: 'student@demo.itbu.jp' });
	await seedDemoContests(db, { coordinatorEmail: 'coordinator@demo.itbu.jp', studentEmail: 'student@demo.itbu.jp' });
	await seedDemoGroups(db, { coordinatorEmail: 'coordinator@demo.itbu.jp', mentorEmail: 'mentor@demo.itbu.jp', studentEmail: 'student@demo.itbu.jp' });
	await seedDemoCertificates(db, { studentEmail: 'student@demo.itbu.jp', mentorEmail: 'mentor@demo.itbu.jp', coordinatorEmail: 'coordinator@demo.itbu.jp' });
	// Last: the digest tells of the sessions and solved exercises seeded above.
	await seedDemoGuardians(db, { studentEmail: 'student@demo.itbu.jp' });
	await seedDemoFunnel(db);
}

/** Whether this database holds the demo accounts (it may be a developer's own data instead). */
export async function hasDemoAccounts(db: Database): Promise<boolean> {
	return Boolean(await auth.findUserByEmail(db, demoAccounts[0]!.email));
}

/** What `npm run dev` prints once the portal answers: where it is and every demo account, the README's table. */
export function demoAccountsNotice(url: string): string {
	const rows = [
		...demoAccounts.map((account) => ({ role: account.roles.join(','), email: account.email })),
		{ role: 'mentor applicant (waiting for approval)', email: demoApplicantEmail }
	];
	return [
		'',
		`  The portal is ready at ${url}`,
		`  Demo accounts (development only; password for all: ${demoPassword}):`,
		...rows.map((row) => `    ${row.email.padEnd(32)} ${row.role}`),
		`  Mail is not sent in development: read it at ${url.replace(/\/$/, '')}/dev/mail`,
		''
	].join('\n');
}
