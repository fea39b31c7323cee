// The explanation codes the judge returns, and the parameters each one carries. The texts live in
// messages/{ja,en}.json under `judge_explain_<code>`, so the judge itself never writes prose.

export const explanationParameters = {
	python_syntax_error: ['line'],
	python_indentation_error: ['line'],
	python_name_error: ['line', 'name'],
	python_type_error: ['line'],
	python_number_conversion_error: ['line', 'value'],
	python_value_error: ['line'],
	python_zero_division_error: ['line'],
	python_index_error: ['line'],
	python_key_error: ['line', 'key'],
	python_recursion_error: ['line'],
	python_eof_error: ['line'],
	python_runtime_error: ['line', 'errorName'],
	javascript_syntax_error: ['line'],
	javascript_reference_error: ['line', 'name'],
	javascript_type_error: ['line'],
	javascript_range_error: ['line'],
	javascript_stack_overflow: ['line'],
	javascript_runtime_error: ['line', 'errorName'],
	dncl_syntax_error: ['line'],
	dncl_runtime_error: ['line'],
	compile_error: [],
	wrong_answer: ['line'],
	wrong_answer_no_output: [],
	time_limit_exceeded: ['seconds'],
	memory_limit_exceeded: ['megabytes'],
	output_limit_exceeded: ['kilobytes'],
	runtime_error_exit_code: ['exitCode'],
	runtime_error_killed: ['signal'],
	internal_error: [],
	case_not_run: ['case', 'verdict'],
	hidden_case_wrong_answer: [],
	hidden_case_runtime_error: []
} as const satisfies Record<string, readonly string[]>;

export type ExplanationCode = keyof typeof explanationParameters;

/** E.g. `{ code: 'python_name_error', line: 3, name: 'pritn' }`. */
export type Explanation = {
	[Code in ExplanationCode]: { code: Code } & Record<(typeof explanationParameters)[Code][number], string | number>;
}[ExplanationCode];

export const explanationCodes = Object.keys(explanationParameters) as ExplanationCode[];

/** The message key of an explanation's text. */
export function explanationMessageKey(code: ExplanationCode): `judge_explain_${ExplanationCode}` {
	return `judge_explain_${code}`;
}
