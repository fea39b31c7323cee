// Form schemas of the coordinators' dashboard that are not about membership itself. Error messages are message keys.
import { z } from 'zod';

const extraPerMonth = z.coerce
	.number({ error: 'funnel_error_what_if' })
	.int('funnel_error_what_if')
	.min(0, 'funnel_error_what_if')
	.max(1000, 'funnel_error_what_if')
	.optional();

/** The funnel page's what-if (a GET form, so that it works without JavaScript and can be bookmarked). */
export const whatIfForm = z.object({
	bookings: z.preprocess((value) => (value === '' ? undefined : value), extraPerMonth),
	applications: z.preprocess((value) => (value === '' ? undefined : value), extraPerMonth)
});
