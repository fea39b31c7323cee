import { describe, expect, it } from 'vitest';
import { worstVerdict } from './verdicts';

describe('worstVerdict', () => {
	it('is AC only when every case is AC', () => {
		expect(worstVerdict(['AC', 'AC', 'AC'])).toBe('AC');
		expect(worstVerdict(['AC', 'WA', 'AC'])).toBe('WA');
	});

	it('ranks a crash above a limit above a wrong answer', () => {
		expect(worstVerdict(['WA', 'TLE', 'AC'])).toBe('TLE');
		expect(worstVerdict(['TLE', 'RE', 'WA'])).toBe('RE');
		expect(worstVerdict(['OLE', 'WA'])).toBe('OLE');
		expect(worstVerdict(['MLE', 'OLE'])).toBe('MLE');
	});

	it('ignores cases without a verdict (custom input), and has none when no case has one', () => {
		expect(worstVerdict([null, 'AC'])).toBe('AC');
		expect(worstVerdict([null])).toBeNull();
	});
});
