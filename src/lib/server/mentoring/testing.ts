// Test data for mentoring: a valid application form and a partner organisation.
import type { Database } from '../db';
import type { MentorApplicationInput } from '../../validation/mentoring';
import { createOrganisation } from './organisations';

export async function createPartner(db: Database, kind: 'university' | 'company' | 'other' = 'university'): Promise<string> {
	const created = await createOrganisation(db, { name: `テスト大学 ${crypto.randomUUID().slice(0, 8)}`, kind, website: undefined, archived: false });
	if (!created.ok) throw new Error(created.problem);
	return created.id;
}

export function mentorApplicationFor(overrides: Partial<MentorApplicationInput> = {}): MentorApplicationInput {
	return {
		fullName: '犀川 たける',
		organisationId: null,
		organisationOther: '浅野川エンジニア会',
		affiliation: 'company_engineer',
		affiliationDetail: null,
		languages: ['python'],
		topics: ['basics'],
		skillsNote: null,
		availability: ['saturday'],
		availabilityNote: null,
		motivation: '中高生の役に立ちたいです。',
		...overrides
	};
}
