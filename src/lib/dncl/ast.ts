// The syntax tree of a DNCL program: what the parser builds and the translator reads. Every node keeps its line.

export type Expression =
	| { kind: 'number'; value: number; line: number }
	| { kind: 'string'; value: string; line: number }
	| { kind: 'input'; line: number }
	| { kind: 'variable'; name: string; line: number }
	| { kind: 'array'; elements: Expression[]; line: number }
	| { kind: 'index'; target: Expression; indexes: Expression[]; line: number }
	| { kind: 'call'; name: string; args: Expression[]; line: number }
	| { kind: 'unary'; operator: '-' | '+' | 'not'; operand: Expression; line: number }
	| { kind: 'binary'; operator: string; left: Expression; right: Expression; line: number };

export type Assignable = Extract<Expression, { kind: 'variable' | 'index' }>;

export type Statement =
	| { kind: 'assign'; target: Assignable; value: Expression; line: number }
	| { kind: 'fill'; name: string; value: Expression; line: number }
	| { kind: 'expression'; expression: Extract<Expression, { kind: 'call' }>; line: number }
	| { kind: 'if'; branches: Array<{ condition: Expression; body: Statement[]; line: number }>; otherwise?: Statement[]; line: number }
	| { kind: 'while'; condition: Expression; body: Statement[]; line: number }
	| {
			kind: 'for';
			variable: string;
			from: Expression;
			to: Expression;
			step: Expression;
			direction: 'up' | 'down';
			body: Statement[];
			line: number;
	  }
	| { kind: 'function'; name: string; parameters: string[]; body: Statement[]; line: number }
	| { kind: 'return'; value?: Expression; line: number };

export interface Program {
	body: Statement[];
}
