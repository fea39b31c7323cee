// Development demo data: partner organisations (every name invented), the demo mentor approved with one of them,
// and one application waiting for the coordinator.
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import * as auth from '../auth';
import { mentorApplications, mentors, partnerOrganisations } from './schema';
import { codeOfConductVersion } from './vocabulary';

const demoOrganisations = [
	{ name: '犀川工業大学 情報工学部', kind: 'university' },
	{ name: '兼六大学 人間社会学域', kind: 'university' },
	{ name: '株式会社浅野川ソフトウェア', kind: 'company' },
	{ name: '北陸クラウド株式会社', kind: 'company' },
	{ name: '金沢コーダー道場', kind: 'other' }
] as const;

export async function seedDemoMentoring(db: Database, options: { mentorEmail: string; applicantEmail: string; applicantPassword: string }): Promise<void> {
	const organisations = await db
		.insert(partnerOrganisations)
		.values(demoOrganisations.map((organisation) => ({ ...organisation })))
		.returning({ id: partnerOrganisations.id });
	const [mentor] = await db.select({ id: users.id }).from(users).where(eq(users.email, options.mentorEmail));
	if (mentor) {
		const [application] = await db
			.insert(mentorApplications)
			.values({
				userId: mentor.id,
				status: 'approved',
				fullName: '犀川 たける',
				organisationId: organisations[0]!.id,
				affiliation: 'university_student',
				affiliationDetail: '情報工学部 3年',
				languages: ['python', 'javascript'],
				topics: ['basics', 'web', 'games'],
				availability: ['saturday', 'online_reviews'],
				motivation: '高校生のころ地域のプログラミング教室に助けてもらったので、今度は自分が手伝いたいです。',
				codeOfConductVersion,
				reviewedAt: new Date()
			})
			.returning({ id: mentorApplications.id });
		await db.insert(mentors).values({
			userId: mentor.id,
			applicationId: application!.id,
			organisationId: organisations[0]!.id,
			affiliation: 'university_student'
		});
	}
	const applicant = await auth.createAccount(db, {
		email: options.applicantEmail,
		displayName: '浅野 みなみ',
		password: options.applicantPassword,
		emailVerified: true
	});
	await db.insert(mentorApplications).values({
		userId: applicant.id,
		fullName: '浅野 みなみ',
		organisationId: organisations[2]!.id,
		affiliation: 'company_engineer',
		affiliationDetail: '開発部',
		languages: ['python', 'typescript', 'sql'],
		topics: ['web', 'data_ai', 'career'],
		skillsNote: 'Webアプリの設計とテストが得意です。',
		availability: ['saturday'],
		availabilityNote: '月に1〜2回、土曜日の午後なら参加できます。',
		motivation: '仕事で身につけたことを、金沢の中高生に伝えたいと思っています。',
		codeOfConductVersion
	});
}
