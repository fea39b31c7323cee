// Form schemas of certificates, shared by the pages and their actions. Error messages are message keys.
import { z } from 'zod';
import { nameChoices } from '../server/certificates/schema';

const schoolYear = z.coerce.number().int().min(2000).max(2100);

/** A student issues the certificate of a track (by id) or of a school year, in the name they chose. */
export const studentCertificateForm = z.discriminatedUnion(
	'kind',
	[
		z.object({
			kind: z.literal('track'),
			subject: z.string().regex(/^[a-z-]{1,40}$/, 'certificates_error_not_eligible'),
			nameChoice: z.enum(nameChoices, 'certificates_error_choice')
		}),
		z.object({
			kind: z.literal('school_year'),
			subject: schoolYear.transform(String).catch('0'),
			nameChoice: z.enum(nameChoices, 'certificates_error_choice')
		})
	],
	'certificates_error_not_eligible'
);

export const mentorCertificateForm = z.object({ schoolYear });

export const revokeCertificateForm = z.object({
	id: z.string().uuid('certificates_error_not_found'),
	reason: z.string().trim().min(1, 'certificates_error_reason').max(500, 'certificates_error_reason')
});

/** The school year of a report, from the query string; the current one when absent or odd. */
export const reportYear = (value: string | null, current: number): number => {
	const parsed = schoolYear.safeParse(value);
	return parsed.success ? parsed.data : current;
};
