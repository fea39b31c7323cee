// The helpers a translated program calls, as JavaScript source: they are written into every translated program,
// which then runs on its own in the judge's sandbox (plain `node`) and in the browser's JavaScript worker. Plain ES5-ish
// functions in a string, so that no bundler or TypeScript transform can slip a reference to outside code into it.
//
// Semantics decided here, where 「共通テスト用プログラム表記の例示」 leaves them open (README.md lists them):
// ÷ and % round toward minus infinity (as Python's // and %), 整数() drops the fraction toward zero (as Python's int()),
// + with a string on either side joins text, and numbers print without a trailing .0.

export const runtimeSource = String.raw`
var $ = (function (messages, options) {
	var base = options.arrayBase;
	function DnclFailure(code, parameters, line) {
		this.code = code;
		this.parameters = parameters;
		this.line = line;
	}
	function fail(code, parameters, line) {
		throw new DnclFailure(code, parameters || {}, line);
	}
	function message(code, parameters, line) {
		var fill = function (template, values) {
			return template.replace(/\{(\w+)\}/g, function (whole, key) { return key in values ? String(values[key]) : whole; });
		};
		return fill(messages.line_prefix, { line: line }) + fill(messages[code], parameters);
	}
	function text(value) {
		if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
		if (typeof value === 'string') return value;
		if (typeof value === 'boolean') return value ? 'True' : 'False';
		if (Array.isArray(value)) return '[' + value.map(function (item) { return typeof item === 'string' ? "'" + item + "'" : text(item); }).join(', ') + ']';
		return String(value);
	}
	function shown(value) {
		return typeof value === 'string' ? '"' + value + '"' : text(value);
	}
	var output = '';
	function flush() {
		if (output !== '') process.stdout.write(output);
		output = '';
	}
	var inputLines = null;
	function convert(token) {
		return /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(token) ? Number(token) : token;
	}
	function number(value, operator, line) {
		if (typeof value !== 'number') fail(value === undefined ? 'no_value' : 'not_a_number', { operator: operator, value: shown(value) }, line);
		return value;
	}
	function divisor(value, operator, line) {
		if (number(value, operator, line) === 0) fail('division_by_zero', { operator: operator }, line);
		return value;
	}
	function position(array, index, name, line, forWriting) {
		if (!Array.isArray(array)) {
			if (array === undefined) fail('undefined_variable', { name: name }, line);
			fail('not_an_array', { name: name }, line);
		}
		if (typeof index !== 'number' || !Number.isInteger(index)) fail('index_not_integer', { name: name, index: shown(index) }, line);
		var offset = index - base;
		var size = array.length + (forWriting ? 1 : 0);
		if (offset < 0 || offset >= size) {
			if (size === 0) fail('index_out_of_range_empty', { name: name, index: index }, line);
			fail('index_out_of_range', { name: name, index: index, first: base, last: base + size - 1 }, line);
		}
		return offset;
	}
	function equal(left, right) {
		if (Array.isArray(left) && Array.isArray(right)) {
			return left.length === right.length && left.every(function (item, index) { return equal(item, right[index]); });
		}
		return left === right;
	}
	function ordered(left, right, operator, line) {
		var bothNumbers = typeof left === 'number' && typeof right === 'number';
		var bothStrings = typeof left === 'string' && typeof right === 'string';
		if (!bothNumbers && !bothStrings) {
			if (typeof left === 'string' || typeof right === 'string') fail('compare_types', { operator: operator }, line);
			number(typeof left === 'number' ? right : left, operator, line);
		}
	}
	return {
		line: 0,
		v: function (value, name, line) {
			if (value === undefined) fail('undefined_variable', { name: name }, line);
			return value;
		},
		get: function (array, index, name, line) {
			if (typeof array === 'string') return array[position(Array.from(array), index, name, line, false)];
			return array[position(array, index, name, line, false)];
		},
		/** An array in an array, made when it is not there yet: Data[i,j] = v on an empty Data. */
		row: function (array, index, name, line) {
			var offset = position(array, index, name, line, true);
			if (array[offset] === undefined) array[offset] = [];
			return array[offset];
		},
		set: function (array, index, value, name, line) {
			array[position(array, index, name, line, true)] = value;
		},
		fill: function (array, value, name, line) {
			if (!Array.isArray(array)) fail(array === undefined ? 'undefined_variable' : 'not_an_array', { name: name }, line);
			for (var i = 0; i < array.length; i++) {
				if (Array.isArray(array[i])) this.fill(array[i], value, name, line);
				else array[i] = value;
			}
		},
		add: function (left, right, line) {
			if (typeof left === 'number' && typeof right === 'number') return left + right;
			if ((typeof left === 'string' || typeof right === 'string') && !Array.isArray(left) && !Array.isArray(right)) {
				return text(left) + text(right);
			}
			number(typeof left === 'number' ? right : left, '+', line);
		},
		sub: function (left, right, line) { return number(left, '-', line) - number(right, '-', line); },
		mul: function (left, right, line) { return number(left, '*', line) * number(right, '*', line); },
		div: function (left, right, line) { return number(left, '/', line) / divisor(right, '/', line); },
		idiv: function (left, right, line) { return Math.floor(number(left, '÷', line) / divisor(right, '÷', line)); },
		mod: function (left, right, line) {
			var remainder = number(left, '%', line) % divisor(right, '%', line);
			return remainder !== 0 && (remainder < 0) !== (right < 0) ? remainder + right : remainder;
		},
		pow: function (left, right, line) { return Math.pow(number(left, '**', line), number(right, '**', line)); },
		neg: function (value, line) { return -number(value, '-', line); },
		pos: function (value, line) { return number(value, '+', line); },
		eq: equal,
		lt: function (left, right, line) { ordered(left, right, '<', line); return left < right; },
		le: function (left, right, line) { ordered(left, right, '<=', line); return left <= right; },
		gt: function (left, right, line) { ordered(left, right, '>', line); return left > right; },
		ge: function (left, right, line) { ordered(left, right, '>=', line); return left >= right; },
		step: function (value, line) {
			if (number(value, 'ずつ', line) <= 0) fail('step_not_positive', { value: text(value) }, line);
			return value;
		},
		num: function (value, line) { return number(value, 'から/まで', line); },
		input: function (line) {
			if (inputLines === null) {
				var all = '';
				try { all = require('fs').readFileSync(0, 'utf8'); } catch (error) { all = ''; }
				inputLines = all.replace(/\r\n?/g, '\n').split('\n');
				if (inputLines[inputLines.length - 1] === '') inputLines.pop();
				inputLines.reverse();
			}
			if (inputLines.length === 0) fail('no_more_input', {}, line);
			var raw = inputLines.pop().trim();
			var parts = raw === '' ? [] : raw.split(/\s+/);
			return parts.length > 1 ? parts.map(convert) : convert(raw);
		},
		print: function () {
			var parts = '';
			for (var i = 0; i < arguments.length; i++) parts += text(arguments[i]);
			output += parts + '\n';
			if (output.length > 65536) flush();
		},
		length: function (value, line) {
			if (Array.isArray(value)) return value.length;
			if (typeof value === 'string') return Array.from(value).length;
			fail(value === undefined ? 'undefined_variable' : 'not_a_length', { value: shown(value), name: '?' }, line);
		},
		integer: function (value, line) {
			if (typeof value === 'string' && /\S/.test(value) && !isNaN(Number(value))) value = Number(value);
			return Math.trunc(number(value, '整数', line)) + 0;
		},
		random: function () { return Math.random(); },
		run: function (main) {
			try {
				main();
				flush();
			} catch (error) {
				flush();
				var line = error instanceof DnclFailure ? error.line : this.line;
				var text = error instanceof DnclFailure
					? message(error.code, error.parameters, line)
					: error instanceof RangeError && /call stack/.test(String(error.message))
						? message('recursion_too_deep', {}, line)
						: message('internal', { detail: String(error && error.message) }, line);
				process.stderr.write('main.dncl:' + line + '\nDNCLError: ' + text + '\n');
				process.exitCode = 1;
			}
		}
	};
})
`;
