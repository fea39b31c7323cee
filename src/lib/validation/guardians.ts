// The guardian's consent form: the answer, and the choices that go with a consent (the monthly digest, unticked
// unless the guardian ticks it, and the language of mails to them).
import { z } from 'zod';

export const consentAnswerSchema = z.object({
	decision: z.enum(['consent', 'decline']).catch('decline'),
	digest: z
		.literal('on')
		.optional()
		.transform((value) => value === 'on'),
	guardianLocale: z.enum(['ja', 'en']).catch('ja')
});

export type ConsentAnswer = z.output<typeof consentAnswerSchema>;
