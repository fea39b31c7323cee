// The languages the club's programs are written in: shared by the server's judge and the browser's runner.

export const languages = ['python', 'javascript', 'dncl'] as const;
export type Language = (typeof languages)[number];

/**
 * The languages an interpreter runs as they are. DNCL (共通テスト用プログラム表記, src/lib/dncl) is translated to
 * JavaScript first and runs on the JavaScript path, with its limits, verdicts and explanations.
 */
export type RuntimeLanguage = Exclude<Language, 'dncl'>;

export function runtimeOf(language: Language): RuntimeLanguage {
	return language === 'dncl' ? 'javascript' : language;
}
