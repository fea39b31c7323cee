// Reads the lines of a DNCL program into a syntax tree, following 「共通テスト用プログラム表記の例示」 (see README.md):
// one statement a line, a line ending in ':' opens a block whose lines are one level deeper (｜/⎿ or indentation).
// Every error names the line and what was expected there, in Japanese first (messages.ts).
import type { Assignable, Expression, Program, Statement } from './ast';
import { tokenizeProgram, type SourceLine, type Token } from './lexer';
import { DnclSyntaxError, type DnclMessageCode, type DnclMessageParameters } from './messages';

export function parseProgram(source: string): Program {
	const lines = tokenizeProgram(source);
	const parser = new BlockParser(lines);
	const body = parser.block(0, false);
	if (parser.position < lines.length) {
		const line = lines[parser.position]!;
		throw new DnclSyntaxError('unexpected_indent', {}, line.line);
	}
	return { body };
}

class BlockParser {
	position = 0;
	constructor(private readonly lines: SourceLine[]) {}

	/** The statements at `depth`, until a line that is less deep (or the end). */
	block(depth: number, inFunction: boolean): Statement[] {
		const statements: Statement[] = [];
		while (this.position < this.lines.length) {
			const line = this.lines[this.position]!;
			if (line.depth < depth) break;
			if (line.depth > depth) throw new DnclSyntaxError('unexpected_indent', {}, line.line);
			this.position++;
			statements.push(...this.statement(line, depth, inFunction));
		}
		return statements;
	}

	private body(header: SourceLine, depth: number, name: string, inFunction: boolean): Statement[] {
		const next = this.lines[this.position];
		if (!next || next.depth <= depth) throw new DnclSyntaxError('missing_block', { header: name }, header.line);
		return this.block(depth + 1, inFunction);
	}

	private statement(line: SourceLine, depth: number, inFunction: boolean): Statement[] {
		const tokens = new TokenCursor(line);
		const first = tokens.peek();
		if (first?.kind === 'keyword') {
			switch (first.text) {
				case 'もし':
					return [this.ifStatement(line, tokens, depth, inFunction)];
				case 'そうでなくもし':
				case 'そうでなければ':
					throw new DnclSyntaxError('orphan_branch', { keyword: first.text }, line.line);
				case '関数': {
					if (inFunction) throw new DnclSyntaxError('nested_function', {}, line.line);
					tokens.next();
					const name = tokens.expectName('関数名');
					tokens.expect('(');
					const parameters: string[] = [];
					if (!tokens.accept(')')) {
						do parameters.push(tokens.expectName('引数名'));
						while (tokens.accept(','));
						tokens.expect(')');
					}
					tokens.expect('を定義する');
					tokens.expect(':');
					tokens.end();
					return [{ kind: 'function', name, parameters, body: this.body(line, depth, '関数', true), line: line.line }];
				}
				case '返す':
					tokens.next();
					tokens.end();
					if (!inFunction) throw new DnclSyntaxError('return_outside_function', {}, line.line);
					return [{ kind: 'return', line: line.line }];
			}
		}
		const statements: Statement[] = [];
		do {
			const expression = tokens.expression();
			const next = tokens.peek();
			if (next?.text === '=' && next.kind === 'operator') {
				tokens.next();
				if (expression.kind !== 'variable' && expression.kind !== 'index') throw new DnclSyntaxError('not_assignable', {}, line.line);
				statements.push({ kind: 'assign', target: expression as Assignable, value: tokens.expression(), line: line.line });
				continue;
			}
			if (statements.length > 0) throw tokens.unexpected('=');
			if (next?.kind === 'keyword') {
				switch (next.text) {
					case 'を返す':
						tokens.next();
						tokens.end();
						if (!inFunction) throw new DnclSyntaxError('return_outside_function', {}, line.line);
						return [{ kind: 'return', value: expression, line: line.line }];
					case 'の間繰り返す':
						tokens.next();
						tokens.expect(':');
						tokens.end();
						return [{ kind: 'while', condition: expression, body: this.body(line, depth, '繰り返す', inFunction), line: line.line }];
					case 'のすべての値を': {
						tokens.next();
						if (expression.kind !== 'variable') throw new DnclSyntaxError('not_a_variable', { keyword: 'のすべての値を' }, line.line);
						const value = tokens.expression();
						tokens.expect('にする');
						tokens.end();
						return [{ kind: 'fill', name: expression.name, value, line: line.line }];
					}
					case 'を':
						return [this.forStatement(line, tokens, expression, depth, inFunction)];
				}
			}
			if (expression.kind !== 'call') {
				if (next) throw tokens.unexpected();
				throw new DnclSyntaxError('not_a_statement', {}, line.line);
			}
			tokens.end();
			return [{ kind: 'expression', expression, line: line.line }];
		} while (tokens.accept(','));
		tokens.end();
		return statements;
	}

	private ifStatement(line: SourceLine, tokens: TokenCursor, depth: number, inFunction: boolean): Statement {
		tokens.next();
		const branches = [{ condition: this.condition(tokens), body: this.body(line, depth, 'もし', inFunction), line: line.line }];
		let otherwise: Statement[] | undefined;
		while (this.position < this.lines.length) {
			const next = this.lines[this.position]!;
			const keyword = next.tokens[0];
			if (next.depth !== depth || keyword?.kind !== 'keyword') break;
			if (keyword.text === 'そうでなくもし') {
				this.position++;
				const branchTokens = new TokenCursor(next);
				branchTokens.next();
				branches.push({ condition: this.condition(branchTokens), body: this.body(next, depth, 'そうでなくもし', inFunction), line: next.line });
			} else if (keyword.text === 'そうでなければ') {
				this.position++;
				const elseTokens = new TokenCursor(next);
				elseTokens.next();
				elseTokens.expect(':');
				elseTokens.end();
				otherwise = this.body(next, depth, 'そうでなければ', inFunction);
				break;
			} else break;
		}
		return { kind: 'if', branches, otherwise, line: line.line };
	}

	private condition(tokens: TokenCursor): Expression {
		const condition = tokens.expression();
		tokens.expect('ならば');
		tokens.expect(':');
		tokens.end();
		return condition;
	}

	private forStatement(line: SourceLine, tokens: TokenCursor, variable: Expression, depth: number, inFunction: boolean): Statement {
		if (variable.kind !== 'variable') throw new DnclSyntaxError('not_a_variable', { keyword: 'を' }, line.line);
		tokens.expect('を');
		const from = tokens.expression();
		tokens.expect('から');
		const to = tokens.expression();
		tokens.expect('まで');
		const step = tokens.expression();
		tokens.expect('ずつ');
		const direction = tokens.accept('増やしながら繰り返す') ? 'up' : tokens.accept('減らしながら繰り返す') ? 'down' : undefined;
		if (!direction) throw tokens.missing('増やしながら繰り返す');
		tokens.expect(':');
		tokens.end();
		return { kind: 'for', variable: variable.name, from, to, step, direction, body: this.body(line, depth, '繰り返す', inFunction), line: line.line };
	}
}

const comparisonOperators = new Set(['==', '!=', '>', '<', '>=', '<=']);

/** The tokens of one line, and the expression grammar (precedence as in Python: or < and < not < comparison < + - < * / ÷ % < sign < **). */
class TokenCursor {
	private index = 0;
	constructor(private readonly source: SourceLine) {}

	peek(): Token | undefined {
		return this.source.tokens[this.index];
	}
	next(): Token | undefined {
		return this.source.tokens[this.index++];
	}
	private is(text: string): boolean {
		const token = this.peek();
		return token !== undefined && (token.kind === 'operator' || token.kind === 'keyword') && token.text === text;
	}
	accept(text: string): boolean {
		if (!this.is(text)) return false;
		this.index++;
		return true;
	}
	expect(text: string): void {
		if (!this.accept(text)) throw this.missing(text);
	}
	expectName(what: string): string {
		const token = this.peek();
		if (token?.kind !== 'name') throw this.missing(what);
		this.index++;
		return token.text;
	}
	end(): void {
		if (this.peek()) throw this.unexpected();
	}
	error(code: DnclMessageCode, parameters: DnclMessageParameters): DnclSyntaxError {
		return new DnclSyntaxError(code, parameters, this.source.line);
	}
	missing(expected: string): DnclSyntaxError {
		return this.error('expected', { expected });
	}
	/** A token that does not belong: if the statement could have ended, say what was expected instead. */
	unexpected(expected?: string): DnclSyntaxError {
		const token = this.peek();
		if (!token) return this.missing(expected ?? '');
		return this.error('unexpected_token', { found: token.kind === 'string' ? `"${token.text}"` : token.text });
	}

	expression(): Expression {
		return this.or();
	}
	private or(): Expression {
		let left = this.and();
		while (this.is('or')) {
			const line = this.next()!.line;
			left = { kind: 'binary', operator: 'or', left, right: this.and(), line };
		}
		return left;
	}
	private and(): Expression {
		let left = this.not();
		while (this.is('and')) {
			const line = this.next()!.line;
			left = { kind: 'binary', operator: 'and', left, right: this.not(), line };
		}
		return left;
	}
	private not(): Expression {
		if (this.is('not')) {
			const line = this.next()!.line;
			return { kind: 'unary', operator: 'not', operand: this.not(), line };
		}
		return this.comparison();
	}
	private comparison(): Expression {
		const left = this.sum();
		const token = this.peek();
		if (token?.kind === 'operator' && comparisonOperators.has(token.text)) {
			this.index++;
			return { kind: 'binary', operator: token.text, left, right: this.sum(), line: token.line };
		}
		return left;
	}
	private sum(): Expression {
		let left = this.product();
		while (this.is('+') || this.is('-')) {
			const token = this.next()!;
			left = { kind: 'binary', operator: token.text, left, right: this.product(), line: token.line };
		}
		return left;
	}
	private product(): Expression {
		let left = this.sign();
		while (this.is('*') || this.is('/') || this.is('÷') || this.is('%')) {
			const token = this.next()!;
			left = { kind: 'binary', operator: token.text, left, right: this.sign(), line: token.line };
		}
		return left;
	}
	private sign(): Expression {
		if (this.is('-') || this.is('+')) {
			const token = this.next()!;
			return { kind: 'unary', operator: token.text as '-' | '+', operand: this.sign(), line: token.line };
		}
		return this.power();
	}
	private power(): Expression {
		const base = this.postfix();
		if (this.is('**')) {
			const line = this.next()!.line;
			// Right-associative, and binds tighter than a sign on its left but not on its right: -2**2 is -4, 2**-1 is 0.5.
			return { kind: 'binary', operator: '**', left: base, right: this.sign(), line };
		}
		return base;
	}
	private postfix(): Expression {
		let expression = this.primary();
		while (this.is('[')) {
			const line = this.next()!.line;
			const indexes: Expression[] = [];
			do indexes.push(this.expression());
			while (this.accept(','));
			this.expect(']');
			expression = { kind: 'index', target: expression, indexes, line };
		}
		return expression;
	}
	private primary(): Expression {
		const token = this.peek();
		const line = this.source.line;
		if (!token) throw this.error('expected', { expected: '式' });
		switch (token.kind) {
			case 'number':
				this.index++;
				return { kind: 'number', value: token.value!, line };
			case 'string':
				this.index++;
				return { kind: 'string', value: token.text, line };
			case 'input':
				this.index++;
				return { kind: 'input', line };
			case 'name': {
				this.index++;
				if (!this.accept('(')) return { kind: 'variable', name: token.text, line };
				const args: Expression[] = [];
				if (!this.accept(')')) {
					do args.push(this.expression());
					while (this.accept(','));
					this.expect(')');
				}
				return { kind: 'call', name: token.text, args, line };
			}
		}
		if (this.accept('(')) {
			const inner = this.expression();
			this.expect(')');
			return inner;
		}
		if (this.accept('[')) {
			const elements: Expression[] = [];
			if (!this.accept(']')) {
				do elements.push(this.expression());
				while (this.accept(','));
				this.expect(']');
			}
			return { kind: 'array', elements, line };
		}
		throw this.error('expected_expression', { found: token.text });
	}
}
