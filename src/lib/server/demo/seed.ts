// Demo data for `npm run dev` on an empty database. Never runs in production (see config.seedDemo).
// Exercises are not seeded here: the curriculum folders are imported at every start (exercises/import.ts).
import type { Database } from '../db';
import type { Role } from '../db/schema';
import * as auth from '../auth';
import { seedDemoRoster } from '../membership/demo';
import { seedDemoMentoring } from '../mentoring/demo';
import { seedDemoReviews } from '../reviews/demo';
import { seedDemoSessions } from '../sessions/demo';

export const demoPassword = 'itbu-demo-2026';

export const demoAccounts: Array<{ email: string; displayName: string; roles: Role[] }> = [
	{ email: 'coordinator@demo.itbu.jp', displayName: '事務局 金沢', roles: ['coordinator'] },
	{ email: 'mentor@demo.itbu.jp', displayName: 'メンター 犀川', roles: ['mentor'] },
	{ email: 'student@demo.itbu.jp', displayName: 'はるか', roles: ['student'] }
];

export async function seedDemoData(db: Database): Promise<void> {
	for (const account of demoAccounts) {
		await auth.createAccount(db, { ...account, password: demoPassword, emailVerified: true });
	}
	await seedDemoRoster(db, { studentEmail: 'student@demo.itbu.jp' });
	await seedDemoMentoring(db, { mentorEmail: 'mentor@demo.itbu.jp', applicantPassword: demoPassword });
	await seedDemoSessions(db, { coordinatorEmail: 'coordinator@demo.itbu.jp', mentorEmail: 'mentor@demo.itbu.jp', studentEmail: 'student@demo.itbu.jp' });
	await seedDemoReviews(db, { studentEmail: 'student@demo.itbu.jp', mentorEmail: 'mentor@demo.itbu.jp' });
	const lines = demoAccounts.map((account) => `  ${account.roles.join(',').padEnd(12)} ${account.email}`);
	console.log(
		[
			'',
			'Demo accounts (development only; password for all: ' + demoPassword + '):',
			...lines,
			'Mail is not sent in development: read it at /dev/mail',
			''
		].join('\n')
	);
}
