// Form schemas of mentoring, shared by the pages and their actions. Error messages are message keys.
// Checkbox groups arrive as one field per choice (`language_python=on`), so the typed values survive a failed submit.
import { z } from 'zod';
import {
	affiliations,
	availabilityOptions,
	mentorLanguageIds,
	mentorTopics,
	organisationKinds,
	type Availability,
	type MentorLanguage,
	type MentorTopic
} from '../server/mentoring/vocabulary';

/** Empty text fields arrive as '' and mean "not given". */
export const optionalText = (max: number, tooLong: string) =>
	z
		.string()
		.trim()
		.max(max, tooLong)
		.optional()
		.transform((value) => value || undefined);

const checkboxFields = <T extends string>(prefix: string, ids: readonly T[]) =>
	Object.fromEntries(ids.map((id) => [`${prefix}_${id}`, z.literal('on').optional()])) as Record<`${string}_${T}`, z.ZodOptional<z.ZodLiteral<'on'>>>;

const checked = <T extends string>(form: Record<string, unknown>, prefix: string, ids: readonly T[]): T[] =>
	ids.filter((id) => form[`${prefix}_${id}`] === 'on');

const httpUrl = (value: string) => {
	try {
		return ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
};

export const mentorApplicationForm = z
	.object({
		fullName: z.string().trim().min(1, 'mentor_error_full_name_required').max(100, 'mentor_error_text_too_long'),
		organisation: z.string().min(1, 'mentor_error_organisation_required'),
		organisationOther: optionalText(100, 'mentor_error_text_too_long'),
		affiliation: z.enum(affiliations, { error: 'mentor_error_affiliation_required' }),
		affiliationDetail: optionalText(100, 'mentor_error_text_too_long'),
		...checkboxFields('language', mentorLanguageIds),
		...checkboxFields('topic', mentorTopics),
		skillsNote: optionalText(500, 'mentor_error_note_too_long'),
		...checkboxFields('availability', availabilityOptions),
		availabilityNote: optionalText(500, 'mentor_error_note_too_long'),
		motivation: z.string().trim().min(1, 'mentor_error_motivation_required').max(2000, 'mentor_error_motivation_too_long'),
		agree: z.literal('on', { error: 'mentor_error_agree_required' })
	})
	.refine((form) => form.organisation !== 'other' || Boolean(form.organisationOther), {
		message: 'mentor_error_organisation_other_required',
		path: ['organisationOther']
	})
	.refine((form) => form.affiliation !== 'other' || Boolean(form.affiliationDetail), {
		message: 'mentor_error_affiliation_detail_required',
		path: ['affiliationDetail']
	})
	.refine((form) => checked(form, 'language', mentorLanguageIds).length + checked(form, 'topic', mentorTopics).length > 0 || Boolean(form.skillsNote), {
		message: 'mentor_error_skills_required',
		path: ['skills']
	})
	.refine((form) => checked(form, 'availability', availabilityOptions).length > 0 || Boolean(form.availabilityNote), {
		message: 'mentor_error_availability_required',
		path: ['availability']
	})
	.transform((form) => ({
		fullName: form.fullName,
		organisationId: form.organisation === 'other' ? null : form.organisation,
		organisationOther: form.organisation === 'other' ? (form.organisationOther ?? null) : null,
		affiliation: form.affiliation,
		affiliationDetail: form.affiliationDetail ?? null,
		languages: checked<MentorLanguage>(form, 'language', mentorLanguageIds),
		topics: checked<MentorTopic>(form, 'topic', mentorTopics),
		skillsNote: form.skillsNote ?? null,
		availability: checked<Availability>(form, 'availability', availabilityOptions),
		availabilityNote: form.availabilityNote ?? null,
		motivation: form.motivation
	}));
export type MentorApplicationInput = z.output<typeof mentorApplicationForm>;

export const mentorRejectionForm = z.object({
	reason: z.string().trim().min(1, 'mentor_error_reason_required').max(500, 'mentor_error_reason_too_long')
});

export const mentorDeactivationForm = z.object({
	userId: z.uuid('mentor_error_not_found'),
	reason: optionalText(500, 'mentor_error_reason_too_long')
});

export const organisationForm = z.object({
	name: z.string().trim().min(1, 'org_error_name_required').max(100, 'org_error_name_too_long'),
	kind: z.enum(organisationKinds, { error: 'org_error_kind_required' }),
	website: optionalText(300, 'org_error_website_invalid').refine((value) => value === undefined || httpUrl(value), 'org_error_website_invalid'),
	archived: z
		.literal('on')
		.optional()
		.transform((value) => value === 'on')
});
export type OrganisationInput = z.output<typeof organisationForm>;

export { httpUrl };
