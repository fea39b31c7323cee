// Every code the judge can return has a Japanese and an English text, using exactly its parameters.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explanationCodes, explanationMessageKey, explanationParameters } from '../../judge/explanations';
import { submissionVerdicts } from '../../judge/verdicts';

const messages = {
	ja: JSON.parse(readFileSync('messages/ja.json', 'utf8')) as Record<string, string>,
	en: JSON.parse(readFileSync('messages/en.json', 'utf8')) as Record<string, string>
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe.each(['ja', 'en'] as const)('%s messages', (locale) => {
	it.each(explanationCodes)('%s', (code) => {
		const text = messages[locale][explanationMessageKey(code)];
		expect(text, `${explanationMessageKey(code)} in messages/${locale}.json`).toBeTruthy();
		expect(placeholders(text!)).toEqual([...explanationParameters[code]].sort());
	});

	it('has a title for every verdict', () => {
		for (const verdict of submissionVerdicts) expect(messages[locale][`judge_verdict_${verdict.toLowerCase()}_title`]).toBeTruthy();
	});
});
