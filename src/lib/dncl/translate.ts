// Translates a DNCL program into one JavaScript program that runs on its own: the runtime helpers (runtime.ts), the
// user's functions, then the main program. Every statement records its DNCL line first, and every helper that can
// fail is given its line, so a runtime error names the student's DNCL line, never a line of the JavaScript.
import type { Assignable, Expression, Program, Statement } from './ast';
import { DnclSyntaxError, messageTable } from './messages';
import { parseProgram } from './parser';
import { runtimeSource } from './runtime';

export interface TranslateOptions {
	/** 0 (the notation's default) or 1: the first element of every array, for exercises written with 1-based arrays. */
	arrayBase?: 0 | 1;
}

/** The built-in functions of the notation: 表示する and the three the 例示 names (要素数, 整数, 乱数). */
const builtins: Record<string, { helper: string; arity?: number }> = {
	表示する: { helper: 'print' },
	要素数: { helper: 'length', arity: 1 },
	整数: { helper: 'integer', arity: 1 },
	乱数: { helper: 'random', arity: 0 }
};

const binaryHelpers: Record<string, string> = {
	'+': 'add',
	'-': 'sub',
	'*': 'mul',
	'/': 'div',
	'÷': 'idiv',
	'%': 'mod',
	'**': 'pow',
	'<': 'lt',
	'<=': 'le',
	'>': 'gt',
	'>=': 'ge'
};

/** The JavaScript name of a DNCL variable or function: prefixed, so no DNCL name can be a JavaScript keyword. */
const variableName = (name: string) => `v_${name}`;
const functionName = (name: string) => `f_${name}`;

export function translateProgram(source: string, options: TranslateOptions = {}): string {
	return new Translator(parseProgram(source), options).program();
}

class Translator {
	private readonly functions = new Map<string, number>();
	private temporary = 0;

	constructor(
		private readonly parsed: Program,
		private readonly options: TranslateOptions
	) {
		for (const statement of parsed.body) {
			if (statement.kind !== 'function') continue;
			if (this.functions.has(statement.name) || statement.name in builtins) {
				throw new DnclSyntaxError('duplicate_function', { name: statement.name }, statement.line);
			}
			this.functions.set(statement.name, statement.parameters.length);
		}
	}

	program(): string {
		const functions = this.parsed.body.filter((statement) => statement.kind === 'function');
		const main = this.parsed.body.filter((statement) => statement.kind !== 'function');
		const globals = new Set<string>();
		collectNames(this.parsed.body, globals, true);
		const runtimeOptions = JSON.stringify({ arrayBase: this.options.arrayBase ?? 0 });
		return [
			"'use strict';",
			`${runtimeSource.trim()}(${JSON.stringify(messageTable('ja'))}, ${runtimeOptions});`,
			globals.size > 0 ? `let ${[...globals].map(variableName).join(', ')};` : '',
			...functions.map((definition) => this.statement(definition, '')),
			'$.run(function () {',
			this.block(main, '\t'),
			'});',
			''
		].join('\n');
	}

	private block(statements: Statement[], indent: string): string {
		return statements.map((statement) => this.statement(statement, indent)).join('\n');
	}

	private statement(statement: Statement, indent: string): string {
		const line = statement.line;
		const at = `${indent}$.line = ${line}; `;
		const inner = `${indent}\t`;
		switch (statement.kind) {
			case 'assign':
				return at + this.assignment(statement.target, this.expression(statement.value), line) + ';';
			case 'fill':
				return `${at}$.fill(${variableName(statement.name)}, ${this.expression(statement.value)}, ${JSON.stringify(statement.name)}, ${line});`;
			case 'expression':
				return `${at}${this.expression(statement.expression)};`;
			case 'if': {
				const parts = statement.branches.map(
					(branch, index) => `${index === 0 ? at : ' else '}if (${this.expression(branch.condition)}) {\n${this.block(branch.body, inner)}\n${indent}}`
				);
				if (statement.otherwise) parts.push(` else {\n${this.block(statement.otherwise, inner)}\n${indent}}`);
				return parts.join('');
			}
			case 'while':
				return `${at}while (${this.expression(statement.condition)}) {\n${this.block(statement.body, inner)}\n${inner}$.line = ${line};\n${indent}}`;
			case 'for': {
				const number = ++this.temporary;
				const end = `$end${number}`;
				const step = `$step${number}`;
				const counter = variableName(statement.variable);
				const compare = statement.direction === 'up' ? '<=' : '>=';
				const advance = statement.direction === 'up' ? '+=' : '-=';
				return (
					`${at}for (let $start${number} = (${counter} = $.num(${this.expression(statement.from)}, ${line})), ` +
					`${end} = $.num(${this.expression(statement.to)}, ${line}), ${step} = $.step(${this.expression(statement.step)}, ${line}); ` +
					`${counter} ${compare} ${end}; ${counter} ${advance} ${step}) {\n` +
					`${this.block(statement.body, inner)}\n${inner}$.line = ${line};\n${indent}}`
				);
			}
			case 'function': {
				const locals = new Set<string>();
				collectNames(statement.body, locals, false);
				for (const parameter of statement.parameters) locals.delete(parameter);
				const declaration = locals.size > 0 ? `\n\tlet ${[...locals].map(variableName).join(', ')};` : '';
				return `function ${functionName(statement.name)}(${statement.parameters.map(variableName).join(', ')}) {${declaration}\n${this.block(statement.body, '\t')}\n}`;
			}
			case 'return':
				return `${at}return${statement.value ? ` ${this.expression(statement.value)}` : ''};`;
		}
	}

	private assignment(target: Assignable, value: string, line: number): string {
		if (target.kind === 'variable') return `${variableName(target.name)} = ${value}`;
		const name = JSON.stringify(arrayName(target));
		const root = this.writableContainer(target.target, line);
		const indexes = target.indexes.map((index) => this.expression(index));
		let container = root;
		for (const index of indexes.slice(0, -1)) container = `$.row(${container}, ${index}, ${name}, ${line})`;
		return `$.set(${container}, ${indexes[indexes.length - 1]}, ${value}, ${name}, ${line})`;
	}

	/** The array an element is written into; an array variable with no value yet becomes an empty array. */
	private writableContainer(target: Expression, line: number): string {
		if (target.kind === 'variable') {
			const name = variableName(target.name);
			return `(${name} === undefined ? (${name} = []) : ${name})`;
		}
		if (target.kind === 'index') {
			const name = JSON.stringify(arrayName(target));
			let container = this.writableContainer(target.target, line);
			for (const index of target.indexes) container = `$.row(${container}, ${this.expression(index)}, ${name}, ${line})`;
			return container;
		}
		return this.expression(target);
	}

	private expression(expression: Expression): string {
		const line = expression.line;
		switch (expression.kind) {
			case 'number':
				return String(expression.value);
			case 'string':
				return JSON.stringify(expression.value);
			case 'input':
				return `$.input(${line})`;
			case 'variable':
				return `$.v(${variableName(expression.name)}, ${JSON.stringify(expression.name)}, ${line})`;
			case 'array':
				return `[${expression.elements.map((element) => this.expression(element)).join(', ')}]`;
			case 'index': {
				const name = JSON.stringify(arrayName(expression));
				let value = this.expression(expression.target);
				for (const index of expression.indexes) value = `$.get(${value}, ${this.expression(index)}, ${name}, ${line})`;
				return value;
			}
			case 'call': {
				const builtin = builtins[expression.name];
				const arity = builtin ? builtin.arity : this.functions.get(expression.name);
				if (!builtin && arity === undefined) throw new DnclSyntaxError('unknown_function', { name: expression.name }, line);
				if (arity !== undefined && arity !== expression.args.length) {
					throw new DnclSyntaxError('argument_count', { name: expression.name, expected: arity, found: expression.args.length }, line);
				}
				const args = expression.args.map((argument) => this.expression(argument));
				if (builtin) return `$.${builtin.helper}(${[...args, ...(builtin.helper === 'print' ? [] : [String(line)])].join(', ')})`;
				return `(${functionName(expression.name)}(${args.join(', ')}))`;
			}
			case 'unary': {
				const operand = this.expression(expression.operand);
				if (expression.operator === 'not') return `!(${operand})`;
				return `$.${expression.operator === '-' ? 'neg' : 'pos'}(${operand}, ${line})`;
			}
			case 'binary': {
				const left = this.expression(expression.left);
				const right = this.expression(expression.right);
				switch (expression.operator) {
					case 'and':
						return `(${left} && ${right})`;
					case 'or':
						return `(${left} || ${right})`;
					case '==':
						return `$.eq(${left}, ${right})`;
					case '!=':
						return `!$.eq(${left}, ${right})`;
				}
				return `$.${binaryHelpers[expression.operator]}(${left}, ${right}, ${line})`;
			}
		}
	}
}

/** The name of the array an element belongs to, for messages: Data[i,j] and Data[i][j] are both Data. */
function arrayName(expression: Expression): string {
	if (expression.kind === 'variable') return expression.name;
	if (expression.kind === 'index') return arrayName(expression.target);
	return '?';
}

/**
 * Every variable the statements assign (at the top level: every variable named anywhere, so that reading one never
 * assigned is the runtime's 「まだ値が入っていません」, not a JavaScript ReferenceError). Inside a function, as in
 * Python, a variable assigned there is the function's own; one only read there is the program's.
 */
function collectNames(statements: Statement[], names: Set<string>, everyName: boolean): void {
	const visitExpression = (expression: Expression | undefined): void => {
		if (!expression || !everyName) return;
		switch (expression.kind) {
			case 'variable':
				names.add(expression.name);
				return;
			case 'array':
				return expression.elements.forEach(visitExpression);
			case 'index':
				visitExpression(expression.target);
				return expression.indexes.forEach(visitExpression);
			case 'call':
				return expression.args.forEach(visitExpression);
			case 'unary':
				return visitExpression(expression.operand);
			case 'binary':
				visitExpression(expression.left);
				return visitExpression(expression.right);
		}
	};
	for (const statement of statements) {
		switch (statement.kind) {
			case 'assign':
				if (statement.target.kind === 'variable') names.add(statement.target.name);
				visitExpression(statement.target);
				visitExpression(statement.value);
				break;
			case 'fill':
				if (everyName) names.add(statement.name);
				visitExpression(statement.value);
				break;
			case 'expression':
				visitExpression(statement.expression);
				break;
			case 'if':
				for (const branch of statement.branches) {
					visitExpression(branch.condition);
					collectNames(branch.body, names, everyName);
				}
				if (statement.otherwise) collectNames(statement.otherwise, names, everyName);
				break;
			case 'while':
				visitExpression(statement.condition);
				collectNames(statement.body, names, everyName);
				break;
			case 'for':
				names.add(statement.variable);
				[statement.from, statement.to, statement.step].forEach(visitExpression);
				collectNames(statement.body, names, everyName);
				break;
			case 'function':
				if (everyName) {
					for (const parameter of statement.parameters) names.add(parameter);
					collectNames(statement.body, names, true);
				}
				break;
			case 'return':
				visitExpression(statement.value);
				break;
		}
	}
}
