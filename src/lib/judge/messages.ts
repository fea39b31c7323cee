// The texts the judge's codes stand for: imported one by one so a page bundles only these messages.
import * as m from '$lib/paraglide/messages.js';

type Params = Record<string, string | number>;

const explanations: Record<string, (params: Params) => string> = {
	case_not_run: (params) => m.judge_explain_case_not_run(params as never),
	hidden_case_runtime_error: (params) => m.judge_explain_hidden_case_runtime_error(params as never),
	hidden_case_wrong_answer: (params) => m.judge_explain_hidden_case_wrong_answer(params as never),
	compile_error: (params) => m.judge_explain_compile_error(params as never),
	internal_error: (params) => m.judge_explain_internal_error(params as never),
	javascript_range_error: (params) => m.judge_explain_javascript_range_error(params as never),
	javascript_reference_error: (params) => m.judge_explain_javascript_reference_error(params as never),
	javascript_runtime_error: (params) => m.judge_explain_javascript_runtime_error(params as never),
	javascript_stack_overflow: (params) => m.judge_explain_javascript_stack_overflow(params as never),
	javascript_syntax_error: (params) => m.judge_explain_javascript_syntax_error(params as never),
	javascript_type_error: (params) => m.judge_explain_javascript_type_error(params as never),
	memory_limit_exceeded: (params) => m.judge_explain_memory_limit_exceeded(params as never),
	output_limit_exceeded: (params) => m.judge_explain_output_limit_exceeded(params as never),
	python_eof_error: (params) => m.judge_explain_python_eof_error(params as never),
	python_indentation_error: (params) => m.judge_explain_python_indentation_error(params as never),
	python_index_error: (params) => m.judge_explain_python_index_error(params as never),
	python_key_error: (params) => m.judge_explain_python_key_error(params as never),
	python_name_error: (params) => m.judge_explain_python_name_error(params as never),
	python_number_conversion_error: (params) => m.judge_explain_python_number_conversion_error(params as never),
	python_recursion_error: (params) => m.judge_explain_python_recursion_error(params as never),
	python_runtime_error: (params) => m.judge_explain_python_runtime_error(params as never),
	python_syntax_error: (params) => m.judge_explain_python_syntax_error(params as never),
	python_type_error: (params) => m.judge_explain_python_type_error(params as never),
	python_value_error: (params) => m.judge_explain_python_value_error(params as never),
	python_zero_division_error: (params) => m.judge_explain_python_zero_division_error(params as never),
	runtime_error_exit_code: (params) => m.judge_explain_runtime_error_exit_code(params as never),
	runtime_error_killed: (params) => m.judge_explain_runtime_error_killed(params as never),
	time_limit_exceeded: (params) => m.judge_explain_time_limit_exceeded(params as never),
	wrong_answer: (params) => m.judge_explain_wrong_answer(params as never),
	wrong_answer_no_output: (params) => m.judge_explain_wrong_answer_no_output(params as never)
};

export function explanationText(explanation: { code: string } & Params): string {
	return explanations[explanation.code]?.(explanation) ?? '';
}

const verdictTitles: Record<string, () => string> = {
	AC: m.judge_verdict_ac_title,
	WA: m.judge_verdict_wa_title,
	TLE: m.judge_verdict_tle_title,
	MLE: m.judge_verdict_mle_title,
	RE: m.judge_verdict_re_title,
	OLE: m.judge_verdict_ole_title,
	CE: m.judge_verdict_ce_title,
	IE: m.judge_verdict_ie_title
};

export function verdictTitle(verdict: string): string {
	return verdictTitles[verdict]?.() ?? verdict;
}
