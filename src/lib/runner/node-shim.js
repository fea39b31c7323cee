// The part of Node.js a student's program sees when it runs in the browser (src/lib/runner/javascript.ts): console
// and process.stdout as Node prints them (util.inspect's layout), standard input through every idiom students are
// taught (fs.readFileSync(0 or '/dev/stdin'), process.stdin events, readline), timers, process.exit, and uncaught
// errors printed the way Node prints them, so that the same explanations apply. It is plain JavaScript because it is
// placed, as text, at the top of the worker script that also holds the student's code; it exposes one function,
// __itbuRun(program), and talks to the page with postMessage:
//   { type: 'stdout' | 'stderr', text }, { type: 'output-limit' }, { type: 'exit', code }.
// Configuration comes from self.__itbu = { source, stdin, outputLimitBytes, preludeLines }.
// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- see the reason below
// @ts-nocheck -- plain JavaScript on purpose (it is inserted into the worker as text); tested against Node's own
// util.inspect and stdin handling in node-shim.spec.ts.
/* eslint-disable */
var __itbuRun = (function () {
	'use strict';
	var config = self.__itbu;
	var post = self.postMessage.bind(self);
	var exited = false;
	var exitCode = 0;
	var activeTimers = 0;
	var pendingInput = 0;
	var exitHandlers = [];

	// --- output ------------------------------------------------------------------------------------------------
	var written = 0;
	var buffers = { stdout: '', stderr: '' };
	var encoder = new TextEncoder();
	function OutputLimit() {}
	function write(stream, text) {
		if (exited) return;
		text = String(text);
		written += encoder.encode(text).length;
		if (written > config.outputLimitBytes) {
			flush();
			post({ type: 'output-limit' });
			exited = true;
			throw new OutputLimit();
		}
		buffers[stream] += text;
		if (buffers[stream].length > 4096) flush();
	}
	function flush() {
		for (var stream in buffers) {
			if (buffers[stream]) post({ type: stream, text: buffers[stream] });
			buffers[stream] = '';
		}
	}

	// --- util.inspect, as Node 20 lays it out -----------------------------------------------------------------
	var breakLength = 80;
	var compact = 3;
	var keyPattern = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
	var escapes = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\\': '\\\\' };

	function quote(text) {
		var mark = "'";
		if (text.indexOf("'") !== -1) {
			if (text.indexOf('"') === -1) mark = '"';
			else if (text.indexOf('`') === -1 && text.indexOf('${') === -1) mark = '`';
		}
		var result = '';
		for (var index = 0; index < text.length; index++) {
			var character = text[index];
			if (character === mark) result += '\\' + character;
			else if (escapes[character]) result += escapes[character];
			else if (character < ' ' || character === '\x7f') result += '\\x' + character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
			else result += character;
		}
		return mark + result + mark;
	}

	function formatNumber(value) {
		return Object.is(value, -0) ? '-0' : String(value);
	}

	function formatPrimitive(value, context) {
		switch (typeof value) {
			case 'string': {
				var quoted = quote(value);
				// Long strings inside structures are split at their line breaks, as Node does.
				if (value.length > 16 && value.length > breakLength - context.indentation - 4 && value.indexOf('\n') !== -1 && value.indexOf('\n') < value.length - 1) {
					return value
						.split(/(?<=\n)/)
						.map(quote)
						.join(' +\n' + ' '.repeat(context.indentation + 2));
				}
				return quoted;
			}
			case 'number':
				return formatNumber(value);
			case 'bigint':
				return String(value) + 'n';
			case 'boolean':
				return String(value);
			case 'undefined':
				return 'undefined';
			case 'symbol':
				return value.toString();
		}
		return String(value);
	}

	function functionName(value) {
		var source = Function.prototype.toString.call(value);
		if (/^class\b/.test(source)) {
			var base = Object.getPrototypeOf(value);
			return '[class ' + (value.name || '(anonymous)') + (base && base.name ? ' extends ' + base.name : '') + ']';
		}
		var kind = 'Function';
		var constructorName = value.constructor && value.constructor.name;
		if (constructorName === 'AsyncFunction') kind = 'AsyncFunction';
		else if (constructorName === 'GeneratorFunction') kind = 'GeneratorFunction';
		else if (constructorName === 'AsyncGeneratorFunction') kind = 'AsyncGeneratorFunction';
		return '[' + kind + (value.name ? ': ' + value.name : ' (anonymous)') + ']';
	}

	function constructorOf(value) {
		var prototype = Object.getPrototypeOf(value);
		if (prototype === null) return null;
		var descriptor = Object.getOwnPropertyDescriptor(prototype, 'constructor');
		return descriptor && typeof descriptor.value === 'function' ? descriptor.value.name : '';
	}

	function inspect(value, options) {
		var context = { seen: [], circular: new Map(), indentation: 0, currentDepth: 0, depth: options && options.depth !== undefined ? options.depth : 2 };
		return formatValue(context, value, 0);
	}

	function formatValue(context, value, depth) {
		if (value === null) return 'null';
		if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(value, context);
		if (context.seen.indexOf(value) !== -1) {
			var index = context.circular.get(value);
			if (index === undefined) {
				index = context.circular.size + 1;
				context.circular.set(value, index);
			}
			return '[Circular *' + index + ']';
		}
		return formatRaw(context, value, depth);
	}

	function formatRaw(context, value, depth) {
		var keys = Object.keys(value);
		var name = constructorOf(value);
		var braces;
		var base = '';
		var output = [];
		var isArrayLike = false;
		var formatEntries;

		if (Array.isArray(value)) {
			isArrayLike = true;
			var prefix = name !== 'Array' ? (name === null ? '[Array(' + value.length + '): null prototype] ' : name + '(' + value.length + ') ') : '';
			keys = keys.filter(function (key) {
				return !/^(0|[1-9][0-9]*)$/.test(key) || Number(key) >= value.length;
			});
			braces = [prefix + '[', ']'];
			if (value.length === 0 && keys.length === 0) return braces[0] + ']';
			formatEntries = function () {
				return formatArray(context, value, depth);
			};
		} else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
			isArrayLike = true;
			braces = [name + '(' + value.length + ') [', ']'];
			keys = [];
			if (value.length === 0) return braces[0] + ']';
			formatEntries = function () {
				var entries = [];
				var shown = Math.min(value.length, 100);
				for (var index = 0; index < shown; index++) entries.push(formatPrimitive(value[index], context));
				if (value.length > shown) entries.push('... ' + (value.length - shown) + ' more item' + (value.length - shown > 1 ? 's' : ''));
				return entries;
			};
		} else if (value instanceof Set) {
			braces = [(name === 'Set' ? 'Set' : name + ' [Set]') + '(' + value.size + ') {', '}'];
			if (value.size === 0 && keys.length === 0) return braces[0] + '}';
			formatEntries = function () {
				var entries = [];
				context.indentation += 2;
				value.forEach(function (item) {
					entries.push(formatValue(context, item, depth + 1));
				});
				context.indentation -= 2;
				return entries;
			};
		} else if (value instanceof Map) {
			braces = [(name === 'Map' ? 'Map' : name + ' [Map]') + '(' + value.size + ') {', '}'];
			if (value.size === 0 && keys.length === 0) return braces[0] + '}';
			formatEntries = function () {
				var entries = [];
				context.indentation += 2;
				value.forEach(function (item, key) {
					entries.push(formatValue(context, key, depth + 1) + ' => ' + formatValue(context, item, depth + 1));
				});
				context.indentation -= 2;
				return entries;
			};
		} else if (typeof value === 'function') {
			base = functionName(value);
			if (keys.length === 0) return base;
			braces = ['{', '}'];
		} else if (value instanceof RegExp) {
			base = RegExp.prototype.toString.call(value);
			if (keys.length === 0) return base;
			braces = ['{', '}'];
		} else if (value instanceof Date) {
			base = isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
			if (keys.length === 0) return base;
			braces = ['{', '}'];
		} else if (value instanceof Error) {
			base = formatError(value);
			keys = keys.filter(function (key) {
				return key !== 'stack' && key !== 'message';
			});
			if (keys.length === 0) return base;
			braces = ['{', '}'];
		} else if (value instanceof Promise) {
			braces = ['Promise {', '}'];
			formatEntries = function () {
				return ['<pending>'];
			};
		} else {
			var tag = name === null ? '[Object: null prototype] ' : name === 'Object' ? '' : name + ' ';
			braces = [tag + '{', '}'];
			if (keys.length === 0) return tag ? tag + '{}' : '{}';
		}

		if (depth > context.depth) {
			return isArrayLike || Array.isArray(value) ? '[Array]' : '[' + (name || 'Object') + ']';
		}

		context.seen.push(value);
		context.currentDepth = depth;
		if (formatEntries) output = formatEntries();
		for (var index = 0; index < keys.length; index++) output.push(formatProperty(context, value, depth, keys[index], false));
		context.seen.pop();

		var circularIndex = context.circular.get(value);
		if (circularIndex !== undefined) {
			var reference = '<ref *' + circularIndex + '>';
			if (base === '') braces[0] = reference + ' ' + braces[0];
			else base = reference + ' ' + base;
		}
		return reduceToSingleString(context, output, base, braces, Array.isArray(value), depth, value);
	}

	function formatArray(context, value, depth) {
		var output = [];
		var shown = Math.min(value.length, 100);
		var holes = 0;
		for (var index = 0; index < shown; index++) {
			if (!Object.prototype.hasOwnProperty.call(value, index)) {
				holes++;
				continue;
			}
			if (holes > 0) {
				output.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
				holes = 0;
			}
			output.push(formatProperty(context, value, depth, index, true));
		}
		if (holes > 0) output.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
		if (value.length > shown) output.push('... ' + (value.length - shown) + ' more item' + (value.length - shown > 1 ? 's' : ''));
		return output;
	}

	function formatProperty(context, value, depth, key, inArray) {
		var descriptor = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
		var text;
		if (descriptor.value !== undefined || !descriptor.get) {
			context.indentation += 2;
			text = formatValue(context, descriptor.value, depth + 1);
			context.indentation -= 2;
		} else {
			text = descriptor.set ? '[Getter/Setter]' : '[Getter]';
		}
		if (inArray) return text;
		var name = typeof key === 'symbol' ? '[' + key.toString() + ']' : keyPattern.test(key) ? key : quote(key);
		if (descriptor.enumerable === false) name = '[' + name + ']';
		return name + ': ' + text;
	}

	function isBelowBreakLength(output, start, base) {
		var total = output.length + start;
		if (total + output.length > breakLength) return false;
		for (var index = 0; index < output.length; index++) {
			total += output[index].length;
			if (total > breakLength) return false;
		}
		return base === '' || base.indexOf('\n') === -1;
	}

	function reduceToSingleString(context, output, base, braces, isArray, depth, value) {
		var entries = output.length;
		if (isArray && entries > 6) output = groupArrayElements(context, output, value);
		if (context.currentDepth - depth < compact && entries === output.length) {
			var start = output.length + context.indentation + braces[0].length + base.length + 10;
			if (isBelowBreakLength(output, start, base)) {
				var joined = output.join(', ');
				if (joined.indexOf('\n') === -1) return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
			}
		}
		var indentation = '\n' + ' '.repeat(context.indentation);
		return (base ? base + ' ' : '') + braces[0] + indentation + '  ' + output.join(',' + indentation + '  ') + indentation + braces[1];
	}

	function groupArrayElements(context, output, value) {
		var totalLength = 0;
		var maxLength = 0;
		var outputLength = output.length;
		if (value && value.length > 100 && output.length > 100) outputLength--;
		var separatorSpace = 2;
		var dataLength = new Array(outputLength);
		for (var index = 0; index < outputLength; index++) {
			var length = output[index].length;
			dataLength[index] = length;
			totalLength += length + separatorSpace;
			if (maxLength < length) maxLength = length;
		}
		var actualMax = maxLength + separatorSpace;
		if (actualMax * 3 + context.indentation < breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
			var averageBias = Math.sqrt(actualMax - totalLength / output.length);
			var biasedMax = Math.max(actualMax - 3 - averageBias, 1);
			var columns = Math.min(
				Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
				Math.floor((breakLength - context.indentation) / actualMax),
				compact * 4,
				15
			);
			if (columns <= 1) return output;
			var grouped = [];
			var maxLineLength = [];
			for (var column = 0; column < columns; column++) {
				var lineLength = 0;
				for (var entry = column; entry < output.length; entry += columns) if (dataLength[entry] > lineLength) lineLength = dataLength[entry];
				maxLineLength.push(lineLength + separatorSpace);
			}
			var padStart = true;
			if (value !== undefined) {
				for (var item = 0; item < output.length; item++) {
					if (typeof value[item] !== 'number' && typeof value[item] !== 'bigint') {
						padStart = false;
						break;
					}
				}
			}
			for (var row = 0; row < outputLength; row += columns) {
				var max = Math.min(row + columns, outputLength);
				var line = '';
				var cell = row;
				for (; cell < max - 1; cell++) {
					var padded = output[cell] + ', ';
					line += padStart ? padded.padStart(maxLineLength[cell - row]) : padded.padEnd(maxLineLength[cell - row]);
				}
				line += padStart ? output[cell].padStart(maxLineLength[cell - row] - separatorSpace) : output[cell];
				grouped.push(line);
			}
			if (outputLength < output.length) grouped.push(output[outputLength]);
			return grouped;
		}
		return output;
	}

	function formatError(error) {
		var stack = mapStack(error);
		return stack || '[' + error.name + ': ' + error.message + ']';
	}

	// util.format: %s %d %i %f %j %o %O %c %% in a first string argument, then the rest separated by spaces.
	function format(args) {
		var first = args[0];
		var result = '';
		var used = 1;
		if (typeof first === 'string') {
			if (args.length === 1) return first;
			var last = 0;
			for (var index = 0; index < first.length - 1; index++) {
				if (first[index] !== '%') continue;
				var next = first[index + 1];
				var replacement;
				if (next === '%') {
					result += first.slice(last, index) + '%';
					last = index + 2;
					index++;
					continue;
				}
				if (used >= args.length) continue;
				var argument = args[used];
				switch (next) {
					case 's':
						replacement =
							typeof argument === 'string'
								? argument
								: typeof argument === 'bigint'
									? argument + 'n'
									: typeof argument === 'object' && argument !== null
										? inspect(argument, { depth: 0 })
										: formatPrimitive(argument, { indentation: 0 });
						break;
					case 'd':
					case 'i':
						replacement = typeof argument === 'bigint' ? argument + 'n' : formatNumber(next === 'i' ? parseInt(argument) : Number(argument));
						break;
					case 'f':
						replacement = formatNumber(parseFloat(argument));
						break;
					case 'j':
						replacement = JSON.stringify(argument);
						break;
					case 'o':
					case 'O':
						replacement = inspect(argument);
						break;
					case 'c':
						replacement = '';
						break;
					default:
						continue;
				}
				result += first.slice(last, index) + replacement;
				last = index + 2;
				index++;
				used++;
			}
			result += first.slice(last);
		} else {
			used = 0;
		}
		for (var rest = used; rest < args.length; rest++) {
			var value = args[rest];
			result += (rest > 0 ? ' ' : '') + (typeof value === 'string' ? value : inspect(value));
		}
		return result;
	}

	// --- errors, printed as Node prints an uncaught exception -------------------------------------------------
	// A frame of the student's code: "at name (blob:…:LINE:COLUMN)" or "at blob:…:LINE:COLUMN".
	var framePattern = /^\s*at (?:(.*?) \()?(?:blob:|https?:)[^)]*?:(\d+):(\d+)\)?$/;
	function programLocation(line) {
		var programLine = Number(line) - config.preludeLines;
		return programLine >= 1 ? programLine : undefined;
	}
	function mapStack(error) {
		var stack = typeof error.stack === 'string' ? error.stack : '';
		var lines = stack.split('\n');
		var header = error.name + (error.message ? ': ' + error.message : '');
		var frames = [];
		for (var index = 0; index < lines.length; index++) {
			var frame = framePattern.exec(lines[index]);
			if (!frame) continue;
			var line = programLocation(frame[2]);
			if (line === undefined) continue;
			var name = frame[1] && !/(^|\.)__itbuMain$/.test(frame[1]) ? frame[1] : 'Object.<anonymous>';
			frames.push('    at ' + name + ' (main.js:' + line + ':' + frame[3] + ')');
		}
		return [header].concat(frames).join('\n');
	}
	function uncaught(error) {
		if (error instanceof OutputLimit || error === stopSignal) return;
		var text;
		if (error instanceof Error) {
			var mapped = mapStack(error);
			var first = /main\.js:(\d+):(\d+)/.exec(mapped);
			var lines = config.source.split('\n');
			text = '';
			if (first) {
				var sourceLine = lines[Number(first[1]) - 1] || '';
				text += 'main.js:' + first[1] + '\n' + sourceLine + '\n' + ' '.repeat(Math.max(0, Number(first[2]) - 1)) + '^\n\n';
			}
			text += mapped + '\n';
		} else {
			text = 'Uncaught ' + inspect(error) + '\n';
		}
		try {
			buffers.stderr += text;
		} catch (ignored) {}
		exit(1);
	}

	// --- process, timers, standard input ----------------------------------------------------------------------
	var stopSignal = {};
	function exit(code) {
		if (exited) return;
		for (var index = 0; index < exitHandlers.length; index++) {
			try {
				exitHandlers[index](code);
			} catch (ignored) {}
		}
		exited = true;
		flush();
		post({ type: 'exit', code: code });
	}

	function emitter() {
		var listeners = {};
		var self_ = {
			on: function (event, listener) {
				(listeners[event] = listeners[event] || []).push({ listener: listener, once: false });
				if (self_._onListen) self_._onListen(event);
				return self_;
			},
			once: function (event, listener) {
				(listeners[event] = listeners[event] || []).push({ listener: listener, once: true });
				if (self_._onListen) self_._onListen(event);
				return self_;
			},
			off: function (event, listener) {
				listeners[event] = (listeners[event] || []).filter(function (entry) {
					return entry.listener !== listener;
				});
				return self_;
			},
			emit: function (event) {
				var args = Array.prototype.slice.call(arguments, 1);
				var entries = (listeners[event] || []).slice();
				listeners[event] = (listeners[event] || []).filter(function (entry) {
					return !entry.once;
				});
				for (var index = 0; index < entries.length; index++) entries[index].listener.apply(self_, args);
				return entries.length > 0;
			},
			listenerCount: function (event) {
				return (listeners[event] || []).length;
			},
			removeAllListeners: function (event) {
				if (event) delete listeners[event];
				else listeners = {};
				return self_;
			}
		};
		self_.addListener = self_.on;
		self_.removeListener = self_.off;
		self_.prependListener = self_.on;
		return self_;
	}

	var input = config.stdin;
	var inputConsumed = false;
	function takeInput() {
		if (inputConsumed) return '';
		inputConsumed = true;
		return input;
	}

	var stdin = emitter();
	var stdinDelivered = false;
	var stdinEncoding = null;
	stdin.fd = 0;
	stdin.isTTY = false;
	stdin.setEncoding = function (encoding) {
		stdinEncoding = encoding;
		return stdin;
	};
	stdin.resume = function () {
		deliverStdin();
		return stdin;
	};
	stdin.pause = function () {
		return stdin;
	};
	stdin.read = function () {
		if (inputConsumed) return null;
		var text = takeInput();
		return text === '' ? null : text;
	};
	stdin._onListen = function (event) {
		if (event === 'data' || event === 'end' || event === 'readable' || event === 'close') deliverStdin();
	};
	stdin[Symbol.asyncIterator] = function () {
		var done = false;
		return {
			next: function () {
				if (done) return Promise.resolve({ value: undefined, done: true });
				done = true;
				var text = takeInput();
				return Promise.resolve(text === '' ? { value: undefined, done: true } : { value: text, done: false });
			},
			return: function () {
				done = true;
				return Promise.resolve({ value: undefined, done: true });
			},
			[Symbol.asyncIterator]: function () {
				return this;
			}
		};
	};
	function deliverStdin() {
		if (stdinDelivered) return;
		stdinDelivered = true;
		pendingInput++;
		realSetTimeout(function () {
			pendingInput--;
			if (exited) return;
			try {
				if (stdin.listenerCount('readable') > 0) {
					stdin.emit('readable');
					inputConsumed = true;
				} else {
					var text = takeInput();
					if (text !== '') stdin.emit('data', stdinEncoding ? text : bufferOf(text));
				}
				stdin.emit('end');
				stdin.emit('close');
			} catch (error) {
				uncaught(error);
				return;
			}
			checkIdle();
		}, 0);
	}
	function bufferOf(text) {
		// Enough of a Buffer for `data += chunk` and `chunk.toString()`.
		var bytes = encoder.encode(text);
		bytes.toString = function () {
			return text;
		};
		return bytes;
	}

	function streamOf(name) {
		var stream = emitter();
		stream.write = function (chunk, encoding, callback) {
			write(name, typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? new TextDecoder().decode(chunk) : String(chunk));
			var done = typeof encoding === 'function' ? encoding : callback;
			if (done) queueMicrotask(done);
			return true;
		};
		stream.end = function (chunk) {
			if (chunk !== undefined) stream.write(chunk);
		};
		stream.isTTY = false;
		stream.columns = 80;
		stream.fd = name === 'stdout' ? 1 : 2;
		return stream;
	}

	var process = emitter();
	process.stdin = stdin;
	process.stdout = streamOf('stdout');
	process.stderr = streamOf('stderr');
	process.argv = ['/usr/bin/node', '/sandbox/main.js'];
	process.env = {};
	process.platform = 'linux';
	process.version = 'v20.0.0';
	process.versions = { node: '20.0.0' };
	process.exitCode = undefined;
	process.exit = function (code) {
		var status = code === undefined ? (process.exitCode === undefined ? 0 : process.exitCode) : Number(code);
		exit(status | 0);
		throw stopSignal;
	};
	process.cwd = function () {
		return '/sandbox';
	};
	process.hrtime = function (previous) {
		var now = performance.now();
		var seconds = Math.floor(now / 1000);
		var nanoseconds = Math.floor((now % 1000) * 1e6);
		if (previous) {
			seconds -= previous[0];
			nanoseconds -= previous[1];
			if (nanoseconds < 0) {
				seconds--;
				nanoseconds += 1e9;
			}
		}
		return [seconds, nanoseconds];
	};
	process.hrtime.bigint = function () {
		return BigInt(Math.floor(performance.now() * 1e6));
	};
	process.memoryUsage = function () {
		return { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
	};
	process.nextTick = function (callback) {
		var args = Array.prototype.slice.call(arguments, 1);
		queueMicrotask(function () {
			callback.apply(null, args);
		});
	};
	var processOn = process.on;
	process.on = function (event, listener) {
		if (event === 'exit') exitHandlers.push(listener);
		return processOn(event, listener);
	};

	var realSetTimeout = self.setTimeout.bind(self);
	var realClearTimeout = self.clearTimeout.bind(self);
	var realSetInterval = self.setInterval.bind(self);
	var realClearInterval = self.clearInterval.bind(self);
	var timers = new Map();
	var nextTimer = 1;
	function guarded(callback, args, after) {
		return function () {
			if (exited) return;
			try {
				callback.apply(null, args);
			} catch (error) {
				uncaught(error);
				return;
			}
			if (after) after();
			checkIdle();
		};
	}
	function setTimeout_(callback, delay) {
		var args = Array.prototype.slice.call(arguments, 2);
		var id = nextTimer++;
		activeTimers++;
		var handle = realSetTimeout(
			guarded(callback, args, function () {
				if (timers.delete(id)) activeTimers--;
			}),
			delay
		);
		timers.set(id, { handle: handle, interval: false });
		return timerObject(id);
	}
	function setInterval_(callback, delay) {
		var args = Array.prototype.slice.call(arguments, 2);
		var id = nextTimer++;
		activeTimers++;
		var handle = realSetInterval(guarded(callback, args), Math.max(1, delay || 1));
		timers.set(id, { handle: handle, interval: true });
		return timerObject(id);
	}
	function timerObject(id) {
		return {
			_id: id,
			ref: function () {
				return this;
			},
			unref: function () {
				return this;
			},
			hasRef: function () {
				return true;
			},
			[Symbol.toPrimitive]: function () {
				return id;
			}
		};
	}
	function clearTimer(timer) {
		if (timer === undefined || timer === null) return;
		var id = typeof timer === 'object' ? timer._id : timer;
		var entry = timers.get(id);
		if (!entry) return;
		timers.delete(id);
		activeTimers--;
		(entry.interval ? realClearInterval : realClearTimeout)(entry.handle);
		checkIdle();
	}

	var idleCheckScheduled = false;
	function checkIdle() {
		if (idleCheckScheduled || exited) return;
		idleCheckScheduled = true;
		realSetTimeout(function () {
			idleCheckScheduled = false;
			if (!exited && activeTimers === 0 && pendingInput === 0) exit(process.exitCode === undefined ? 0 : process.exitCode | 0);
		}, 0);
	}

	// --- modules ----------------------------------------------------------------------------------------------
	function systemError(code, syscall, path) {
		var error = new Error(code + ': ' + (code === 'ENOENT' ? 'no such file or directory' : 'operation not permitted') + ', ' + syscall + " '" + path + "'");
		error.code = code;
		error.syscall = syscall;
		error.path = path;
		return error;
	}
	function isStandardInput(path) {
		return path === 0 || path === '/dev/stdin' || path === '/proc/self/fd/0';
	}
	var fs = {
		readFileSync: function (path, options) {
			if (!isStandardInput(path)) throw systemError('ENOENT', 'open', path);
			var text = takeInput();
			var encoding = typeof options === 'string' ? options : options && options.encoding;
			return encoding ? text : bufferOf(text);
		},
		existsSync: function (path) {
			return isStandardInput(path);
		},
		writeFileSync: function (path, data) {
			if (path === 1 || path === '/dev/stdout') return write('stdout', data);
			if (path === 2 || path === '/dev/stderr') return write('stderr', data);
			throw systemError('EPERM', 'open', path);
		},
		writeSync: function (fd, data) {
			write(fd === 2 ? 'stderr' : 'stdout', data);
		}
	};

	function createInterface(options) {
		var output = options && options.output;
		var rl = emitter();
		var closed = false;
		var lines = null;
		var waiting = [];
		var answers = [];
		function allLines() {
			if (lines === null) {
				var text = takeInput();
				lines = text === '' ? [] : text.replace(/\r\n/g, '\n').split('\n');
				if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
			}
			return lines;
		}
		pendingInput++;
		realSetTimeout(function () {
			pendingInput--;
			if (exited || closed) return checkIdle();
			try {
				var all = allLines();
				while (all.length > 0 && !closed) {
					var line = all.shift();
					if (answers.length > 0) answers.shift()(line);
					else if (waiting.length > 0) waiting.shift()({ value: line, done: false });
					else rl.emit('line', line);
				}
				rl.close();
			} catch (error) {
				uncaught(error);
				return;
			}
			checkIdle();
		}, 0);
		rl.close = function () {
			if (closed) return;
			closed = true;
			while (waiting.length > 0) waiting.shift()({ value: undefined, done: true });
			rl.emit('close');
		};
		rl.question = function (query, callback) {
			if (output && output.write) output.write(query);
			answers.push(callback);
		};
		rl.setPrompt = function () {};
		rl.prompt = function () {};
		rl.pause = function () {
			return rl;
		};
		rl.resume = function () {
			return rl;
		};
		rl[Symbol.asyncIterator] = function () {
			return {
				next: function () {
					var all = allLines();
					if (all.length > 0) return Promise.resolve({ value: all.shift(), done: false });
					if (closed) return Promise.resolve({ value: undefined, done: true });
					return new Promise(function (resolve) {
						waiting.push(resolve);
					});
				},
				return: function () {
					rl.close();
					return Promise.resolve({ value: undefined, done: true });
				},
				[Symbol.asyncIterator]: function () {
					return this;
				}
			};
		};
		return rl;
	}

	var util = {
		inspect: inspect,
		format: function () {
			return format(Array.prototype.slice.call(arguments));
		},
		promisify: function (fn) {
			return function () {
				var args = Array.prototype.slice.call(arguments);
				return new Promise(function (resolve, reject) {
					fn.apply(
						null,
						args.concat(function (error, value) {
							if (error) reject(error);
							else resolve(value);
						})
					);
				});
			};
		}
	};
	var modules = {
		fs: fs,
		readline: { createInterface: createInterface },
		util: util,
		events: {
			EventEmitter: function EventEmitter() {
				return emitter();
			}
		},
		os: {
			EOL: '\n',
			platform: function () {
				return 'linux';
			}
		},
		process: process
	};
	function require(name) {
		var key = String(name).replace(/^node:/, '');
		if (Object.prototype.hasOwnProperty.call(modules, key)) return modules[key];
		var error = new Error("Cannot find module '" + name + "'");
		error.code = 'MODULE_NOT_FOUND';
		throw error;
	}

	var console_ = {
		log: function () {
			write('stdout', format(Array.prototype.slice.call(arguments)) + '\n');
		},
		error: function () {
			write('stderr', format(Array.prototype.slice.call(arguments)) + '\n');
		}
	};
	console_.info = console_.log;
	console_.debug = console_.log;
	console_.warn = console_.error;
	console_.trace = console_.error;
	console_.dir = function (value) {
		write('stdout', inspect(value) + '\n');
	};
	console_.table = console_.log;

	self.addEventListener('unhandledrejection', function (event) {
		event.preventDefault();
		uncaught(event.reason);
	});
	self.addEventListener('error', function (event) {
		event.preventDefault();
		uncaught(event.error !== undefined ? event.error : new Error(event.message));
	});

	// Node's globals. The five names Node passes to a CommonJS module are parameters of the program's function, as in
	// Node, so a program may declare its own `process` or `console` just as it could there.
	self.process = process;
	self.console = console_;
	self.setTimeout = setTimeout_;
	self.setInterval = setInterval_;
	self.clearTimeout = clearTimer;
	self.clearInterval = clearTimer;
	self.setImmediate = function setImmediate(callback) {
		return setTimeout_.apply(null, [callback, 0].concat(Array.prototype.slice.call(arguments, 1)));
	};
	self.clearImmediate = clearTimer;
	self.global = self;

	return function run(program) {
		var module = { exports: {} };
		try {
			program.call(module.exports, module.exports, require, module, '/sandbox/main.js', '/sandbox');
		} catch (error) {
			uncaught(error);
			return;
		}
		checkIdle();
	};
})();
