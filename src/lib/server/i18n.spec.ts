// Message keys that travel as data are typed: `npm run check` refuses a misspelt one (the @ts-expect-error below
// fails the check the day the misspelling becomes a key, or the type stops catching it).
import { expect, it } from 'vitest';
import { translate } from './i18n';

it('translates a known key, and the type check refuses an unknown one', () => {
	expect(translate('member_status_active')).not.toBe('member_status_active');
	// @ts-expect-error a misspelt key is not a MessageKey
	expect(translate('member_status_activ')).toBe('member_status_activ');
});
