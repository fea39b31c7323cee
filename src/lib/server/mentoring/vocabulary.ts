// The fixed vocabularies of mentoring, as stored; people read them through messages (mentor_affiliation_*, ...),
// except programming languages, whose names are the same in every language.

export const organisationKinds = ['university', 'company', 'other'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const affiliations = ['faculty', 'university_student', 'company_engineer', 'other'] as const;
export type Affiliation = (typeof affiliations)[number];

export const mentorLanguages = {
	python: 'Python',
	javascript: 'JavaScript',
	typescript: 'TypeScript',
	scratch: 'Scratch',
	java: 'Java',
	c: 'C',
	cpp: 'C++',
	csharp: 'C#',
	go: 'Go',
	rust: 'Rust',
	ruby: 'Ruby',
	php: 'PHP',
	kotlin: 'Kotlin',
	swift: 'Swift',
	html_css: 'HTML / CSS',
	sql: 'SQL'
} as const;
export type MentorLanguage = keyof typeof mentorLanguages;
export const mentorLanguageIds = Object.keys(mentorLanguages) as [MentorLanguage, ...MentorLanguage[]];

export const mentorTopics = ['basics', 'algorithms', 'web', 'games', 'apps', 'data_ai', 'electronics', 'security', 'competitive', 'career'] as const;
export type MentorTopic = (typeof mentorTopics)[number];

export const availabilityOptions = ['weekday_evening', 'saturday', 'sunday', 'online_reviews'] as const;
export type Availability = (typeof availabilityOptions)[number];

export const mentorApplicationStatuses = ['awaiting_review', 'approved', 'rejected', 'withdrawn'] as const;
export type MentorApplicationStatus = (typeof mentorApplicationStatuses)[number];

/** The version of the code of conduct (messages mentor_coc_*) applicants agree to; bump it when the text changes. */
export const codeOfConductVersion = '2026-11';
