// The language's own error messages, Japanese first and English beside them. The lexer, parser and translator raise
// codes with parameters; the runtime of a translated program carries the Japanese table (it runs without a locale).
// Kept here, not in Paraglide's files, because the same table is embedded in programs run in the sandbox.

export type DnclLocale = 'ja' | 'en';

export const dnclMessages = {
	expected: { ja: '『{expected}』が見つかりません', en: "'{expected}' is missing" },
	unexpected_token: { ja: '『{found}』はここには書けません', en: "'{found}' cannot be written here" },
	expected_expression: { ja: '値・変数・式が必要なところに『{found}』があります', en: "a value, variable or expression is needed where '{found}' is" },
	unknown_character: { ja: '『{found}』という文字は使えません', en: "the character '{found}' cannot be used" },
	unterminated_string: { ja: '文字列を閉じる『"』が見つかりません', en: "the closing '\"' of the string is missing" },
	missing_block: { ja: '『{header}』の中身（｜や字下げで書く行）がありません', en: "'{header}' has no body (lines marked with | or indented)" },
	unexpected_indent: {
		ja: '字下げ（｜）が多すぎます。前の行が『:』で終わるときだけ1段下げます',
		en: "too much indentation (|): indent one level only after a line ending in ':'"
	},
	inconsistent_indent: { ja: '字下げがそろっていません', en: 'the indentation does not line up' },
	orphan_branch: { ja: '『{keyword}』の前に対応する『もし』がありません', en: "'{keyword}' has no matching 'もし' (if) before it" },
	not_assignable: { ja: '『=』の左側には変数か配列の要素を書きます', en: "the left of '=' must be a variable or an array element" },
	not_a_statement: {
		ja: '式だけでは文になりません（代入や『表示する』などを書きます）',
		en: "an expression alone is not a statement (write an assignment or a call such as '表示する')"
	},
	not_a_variable: { ja: '『{keyword}』の前には変数名を書きます', en: "a variable name must come before '{keyword}'" },
	unknown_function: { ja: '関数『{name}』は定義されていません', en: "the function '{name}' is not defined" },
	argument_count: {
		ja: '関数『{name}』の引数は{expected}個です（{found}個あります）',
		en: "the function '{name}' takes {expected} argument(s) ({found} given)"
	},
	return_outside_function: { ja: '『返す』は関数の中でだけ使えます', en: "'返す' (return) can only be used inside a function" },
	nested_function: { ja: '関数の中で関数は定義できません', en: 'a function cannot be defined inside a function' },
	duplicate_function: { ja: '関数『{name}』はすでに定義されています', en: "the function '{name}' is already defined" },
	too_deeply_nested: { ja: '式や『( )』の入れ子が深すぎます', en: "expressions or '( )' are nested too deeply" },
	// Runtime errors: raised by the translated program.
	index_out_of_range: {
		ja: '配列{name}の添字{index}は範囲外です（使える添字は{first}から{last}まで）',
		en: 'index {index} of the array {name} is out of range (valid indexes: {first} to {last})'
	},
	index_out_of_range_empty: { ja: '配列{name}は空なので、添字{index}の要素はありません', en: 'the array {name} is empty, so it has no element {index}' },
	index_not_integer: { ja: '配列{name}の添字は整数にします（{index}になっています）', en: 'an index of the array {name} must be an integer (it is {index})' },
	not_an_array: { ja: '{name}は配列ではないので『[ ]』で要素を取り出せません', en: "{name} is not an array, so '[ ]' cannot take an element of it" },
	undefined_variable: { ja: '変数{name}にはまだ値が入っていません', en: 'the variable {name} has no value yet' },
	division_by_zero: { ja: '0で割ることはできません（『{operator}』）', en: "division by zero ('{operator}')" },
	not_a_number: { ja: '『{operator}』は数値で計算します（{value}は数値ではありません）', en: "'{operator}' needs numbers ({value} is not a number)" },
	no_value: {
		ja: '『{operator}』の計算に使う値がありません（値を返さない関数の結果などです）',
		en: "'{operator}' has no value to work with (e.g. the result of a function that returns nothing)"
	},
	compare_types: { ja: '『{operator}』で文字列と数値の大小は比べられません', en: "'{operator}' cannot compare a string with a number" },
	step_not_positive: { ja: '『ずつ』の値は正の数にします（{value}になっています）', en: "the value before 'ずつ' must be positive (it is {value})" },
	no_more_input: { ja: '【外部からの入力】で読む行がもうありません', en: 'there is no more input for 【外部からの入力】' },
	not_a_length: { ja: '要素数は配列か文字列について求めます（{value}）', en: '要素数 needs an array or a string ({value})' },
	recursion_too_deep: {
		ja: '関数の呼び出しが深くなりすぎました（終わらない再帰になっていませんか）',
		en: 'function calls nested too deeply (a recursion that never ends?)'
	},
	internal: { ja: '実行中にエラーが起きました（{detail}）', en: 'an error occurred while running ({detail})' },
	line_prefix: { ja: '{line}行目: ', en: 'Line {line}: ' }
} as const satisfies Record<string, Record<DnclLocale, string>>;

export type DnclMessageCode = keyof typeof dnclMessages;
export type DnclMessageParameters = Record<string, string | number>;

export function formatDnclMessage(code: DnclMessageCode, parameters: DnclMessageParameters, line: number, locale: DnclLocale = 'ja'): string {
	const fill = (template: string, values: DnclMessageParameters) =>
		template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
	return fill(dnclMessages.line_prefix[locale], { line }) + fill(dnclMessages[code][locale], parameters);
}

/** The Japanese templates of one locale, as embedded in a translated program. */
export function messageTable(locale: DnclLocale): Record<string, string> {
	return Object.fromEntries(Object.entries(dnclMessages).map(([code, texts]) => [code, texts[locale]]));
}

/** A program that does not follow the notation: found before anything runs. */
export class DnclSyntaxError extends Error {
	override name = 'DnclSyntaxError';
	constructor(
		readonly code: DnclMessageCode,
		readonly parameters: DnclMessageParameters,
		readonly line: number
	) {
		super(formatDnclMessage(code, parameters, line, 'ja'));
	}

	localized(locale: DnclLocale): string {
		return formatDnclMessage(this.code, this.parameters, this.line, locale);
	}
}
