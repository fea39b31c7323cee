// Conformance of the DNCL implementation with 「共通テスト用プログラム表記の例示」 (令和4年, 大学入試センター), one
// block per section of the document, then the decisions it leaves open and the error messages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDncl } from './index';
import { runDncl, syntaxError } from './testing';

const output = (source: string, stdin = '') => {
	const run = runDncl(source, stdin);
	expect(run.stderr).toBe('');
	return run.stdout;
};
const runtimeError = (source: string, stdin = '') => {
	const run = runDncl(source, stdin);
	expect(run.exitCode).toBe(1);
	return run.stderr;
};

describe('1 変数 and 2 文字列', () => {
	it('holds numbers, strings and arrays, arrays 0-based by default', () => {
		expect(output('kosu = 3\nkingaku_kei = kosu * 100\n表示する(kingaku_kei)')).toBe('300\n');
		expect(output('Tokuten = [87, 45, 72, 100]\n表示する(Tokuten[0], " ", Tokuten[3])')).toBe('87 100\n');
		expect(output('moji = "I\'ll be back."\n表示する(moji)')).toBe("I'll be back.\n");
		expect(output('message = "祇園精舎の" + "鐘の声"\n表示する(message)')).toBe('祇園精舎の鐘の声\n');
	});

	it('reads two-dimensional arrays as Data[i,j] and Data[i][j]', () => {
		expect(output('Data = [[1, 2, 3], [4, 5, 6]]\n表示する(Data[1,2], Data[0][1])')).toBe('62\n');
		expect(output('Data[0,0] = 7\nData[0,1] = 8\n表示する(Data)')).toBe('[[7, 8]]\n');
	});

	it('counts from 1 in an exercise that says so', () => {
		expect(runDncl('Data = [10, 20, 30]\n表示する(Data[1], Data[3])', '', { arrayBase: 1 }).stdout).toBe('1030\n');
		expect(runDncl('Data = [10]\n表示する(Data[0])', '', { arrayBase: 1 }).stderr).toContain('配列Dataの添字0は範囲外です（使える添字は1から1まで）');
	});
});

describe('3 代入文', () => {
	it('takes several assignments on one line, array literals and the fill statement', () => {
		expect(output('kosu = 3 , kingaku = 300\n表示する(kosu * kingaku)')).toBe('900\n');
		expect(output('Tokuten = [1, 2, 3]\nTokutenのすべての値を0にする\n表示する(Tokuten)')).toBe('[0, 0, 0]\n');
		expect(output('T = [[1, 2], [3, 4]]\nT のすべての値を -1 にする\n表示する(T)')).toBe('[[-1, -1], [-1, -1]]\n');
	});

	it('reads 【外部からの入力】 one line at a time: a number, a string, or an array of the values on the line', () => {
		const source = 'n = 【外部からの入力】\nnamae = 【外部からの入力】\nData = 【外部からの入力】\n表示する(n + 1, namae, 要素数(Data), Data[2] * 2)';
		expect(output(source, '41\nKomaba\n3 1 4 1 5\n')).toBe('42Komaba58\n');
		expect(output('x = 【外部からの入力】\n表示する(x * 2)', '-2.5\r\n')).toBe('-5\n');
		expect(runtimeError('x = 【外部からの入力】\ny = 【外部からの入力】', '1\n')).toContain('2行目: 【外部からの入力】で読む行がもうありません');
	});

	it('appends when an element one past the end is assigned, and makes an array out of a name with no value', () => {
		expect(output('Kekka[0] = 5\nKekka[1] = 6\n表示する(Kekka)')).toBe('[5, 6]\n');
	});
});

describe('4 算術演算', () => {
	it('computes + - * / ÷ % ** as the 例示 describes', () => {
		expect(output('表示する(7 + 2, " ", 7 - 2, " ", 7 * 2, " ", 7 / 2, " ", 7 ÷ 2, " ", 7 % 2, " ", 2 ** 10)')).toBe('9 5 14 3.5 3 1 1024\n');
		expect(output('表示する(6 / 2)')).toBe('3\n');
	});

	it('rounds ÷ and % toward minus infinity (as Python), so that (a ÷ b) * b + a % b == a', () => {
		expect(output('表示する(-7 ÷ 2, " ", -7 % 2, " ", 7 ÷ -2, " ", 7 % -2, " ", -6 ÷ 3, " ", -6 % 3)')).toBe('-4 1 -4 -1 -2 0\n');
		expect(output('a = -17, b = 5\n表示する((a ÷ b) * b + a % b)')).toBe('-17\n');
	});

	it('follows the usual precedence, with ** right-associative and above the sign', () => {
		expect(output('表示する(2 + 3 * 4, " ", (2 + 3) * 4, " ", -2 ** 2, " ", 2 ** 3 ** 2, " ", 10 - 4 - 3)')).toBe('14 20 -4 512 3\n');
	});

	it('joins a string and a number with +, and 表示する joins its arguments without spaces', () => {
		expect(output('表示する("得点は" + 80 + "点", 1.5)')).toBe('得点は80点1.5\n');
		expect(output('Kamoku = ["国語"]\nTensu = [80]\ni = 0\n表示する(Kamoku[i], "の得点は", Tensu[i], "です")')).toBe('国語の得点は80です\n');
	});

	it('reads full-width digits and operators as a Japanese keyboard types them', () => {
		expect(output('ｘ　＝　１２　＋　３\n表示する（ｘ）')).toBe('15\n');
		expect(output('x = 5 – 1\n表示する(x)')).toBe('4\n');
	});
});

describe('5 比較演算 and 6 論理演算', () => {
	it('compares numbers and strings, and combines with and / or / not', () => {
		const source = [
			'x = 5',
			'もし x == 5 and x != 4 and x > 4 and x < 6 and x >= 5 and x <= 5 ならば:',
			'⎿ 表示する("すべて真")',
			'もし not (x > 3) or "abc" < "abd" ならば:',
			'⎿ 表示する("文字列も比べられる")'
		].join('\n');
		expect(output(source)).toBe('すべて真\n文字列も比べられる\n');
	});
});

describe('7 関数', () => {
	it('has 要素数, 整数 and 乱数', () => {
		expect(output('Data = [1, 2, 3]\n表示する(要素数(Data), 整数(6.9), 整数(-6.9), 要素数("情報"))')).toBe('36-62\n');
		for (let trial = 0; trial < 50; trial++) {
			const value = Number(output('saikoro = 整数(乱数() * 6) + 1\n表示する(saikoro)'));
			expect(value).toBeGreaterThanOrEqual(1);
			expect(value).toBeLessThanOrEqual(6);
		}
	});

	it('defines functions that return a value or none, with local variables and recursion', () => {
		const source = [
			'関数 kaijo(n) を定義する:',
			'｜ もし n <= 1 ならば:',
			'｜ ⎿ 1 を返す',
			'⎿ n * kaijo(n - 1) を返す',
			'関数 交換する(i, j) を定義する:',
			'｜ tmp = Data[i]',
			'｜ Data[i] = Data[j]',
			'⎿ Data[j] = tmp',
			'Data = [1, 2, 3]',
			'tmp = 99',
			'交換する(0, 2)',
			'表示する(kaijo(5), " ", Data, " ", tmp)'
		].join('\n');
		expect(output(source)).toBe('120 [3, 2, 1] 99\n');
	});
});

describe('8 条件分岐', () => {
	const grade = (x: number) =>
		output(
			[`x = ${x}`, 'もし x >= 3 ならば:', '｜ 表示する("A")', 'そうでなくもし x < 0 ならば:', '｜ 表示する("B")', 'そうでなければ:', '⎿ 表示する("C")'].join(
				'\n'
			)
		);
	it('takes the first branch whose condition holds', () => {
		expect([grade(5), grade(-1), grade(1)]).toEqual(['A\n', 'B\n', 'C\n']);
	});

	it('accepts plain indentation, and ｜ with spaces between nested markers', () => {
		expect(output('x = 1\nもし x == 1 ならば:\n    もし x > 0 ならば:\n        表示する("入れ子")\n    表示する("外")\n表示する("後")')).toBe(
			'入れ子\n外\n後\n'
		);
		expect(output('x = 1\nもし x == 1 ならば:\n｜ もし x > 0 ならば:\n｜ ｜ 表示する("入れ子")\n｜ ⎿ 表示する("内")\n⎿ 表示する("外")')).toBe(
			'入れ子\n内\n外\n'
		);
	});
});

describe('9 繰返し', () => {
	it('counts up and down with 増やしながら / 減らしながら', () => {
		expect(output('Data = [1, 2, 3, 4]\ngoukei = 0\nx を 0 から 3 まで 1 ずつ増やしながら繰り返す:\n⎿ goukei = goukei + Data[x]\n表示する(goukei)')).toBe(
			'10\n'
		);
		expect(output('i を 10 から 1 まで 3 ずつ減らしながら繰り返す:\n⎿ 表示する(i)')).toBe('10\n7\n4\n1\n');
		expect(output('i を 1 から 0 まで 1 ずつ増やしながら繰り返す:\n⎿ 表示する(i)\n表示する("なし")')).toBe('なし\n');
	});

	it('repeats while a condition holds', () => {
		expect(output('n = 0, goukei = 0\nn < 10 の間繰り返す:\n｜ goukei = goukei + n\n⎿ n = n + 1\n表示する(goukei)')).toBe('45\n');
	});
});

describe('10 コメント', () => {
	it('ignores everything after # on a line, except inside a string', () => {
		expect(output('atai = 3 #0以上1未満のランダムな小数をataiに代入する\n# 行全体のコメント\n表示する("#は文字", atai)')).toBe('#は文字3\n');
	});
});

describe('errors in the notation: the line and what was expected, in Japanese and English', () => {
	it('names the missing word', () => {
		expect(syntaxError('x = 1\ny = 2\nもし x < 3:\n⎿ y = 1')).toBe('3行目: 『ならば』が見つかりません');
		expect(syntaxError('x = 1\ny = 2\nもし x < 3:\n⎿ y = 1', 'en')).toBe("Line 3: 'ならば' is missing");
		expect(syntaxError('もし 1 < 3 ならば\n⎿ y = 1')).toBe('1行目: 『:』が見つかりません');
		expect(syntaxError('i を 0 から 9 まで 1 増やしながら繰り返す:\n⎿ y = 1')).toBe('1行目: 『ずつ』が見つかりません');
		expect(syntaxError('i を 0 から 9 まで 1 ずつ:\n⎿ y = 1')).toBe('1行目: 『増やしながら繰り返す』が見つかりません');
		expect(syntaxError('表示する(1, 2')).toBe('1行目: 『)』が見つかりません');
		expect(syntaxError('x = "abc')).toBe('1行目: 文字列を閉じる『"』が見つかりません');
	});

	it('explains blocks that are missing, too deep or out of line', () => {
		expect(syntaxError('もし 1 < 3 ならば:\ny = 1')).toBe('1行目: 『もし』の中身（｜や字下げで書く行）がありません');
		expect(syntaxError('x = 1\n｜ y = 1')).toBe('2行目: 字下げ（｜）が多すぎます。前の行が『:』で終わるときだけ1段下げます');
		expect(syntaxError('もし 1 < 3 ならば:\n    y = 1\n  z = 1')).toBe('3行目: 字下げがそろっていません');
		expect(syntaxError('x = 1\nそうでなければ:\n⎿ y = 1')).toBe('2行目: 『そうでなければ』の前に対応する『もし』がありません');
	});

	it('rejects what is not a statement, unknown functions and wrong argument counts', () => {
		expect(syntaxError('x + 1')).toBe('1行目: 式だけでは文になりません（代入や『表示する』などを書きます）');
		expect(syntaxError('3 = x')).toBe('1行目: 『=』の左側には変数か配列の要素を書きます');
		expect(syntaxError('表示すろ(1)')).toBe('1行目: 関数『表示すろ』は定義されていません');
		expect(syntaxError('x = 要素数(1, 2)')).toBe('1行目: 関数『要素数』の引数は1個です（2個あります）');
		expect(syntaxError('x を返す')).toBe('1行目: 『返す』は関数の中でだけ使えます');
		expect(syntaxError('x = 1 $ 2')).toBe('1行目: 『$』という文字は使えません');
		expect(syntaxError('x = ')).toBe('1行目: 『式』が見つかりません');
	});
});

describe('hostile programs', () => {
	it('cannot reach JavaScript through strings or names', () => {
		expect(output('表示する("\\", ");process.exit(3);//", "${process}", "</script>")')).toBe('\\);process.exit(3);//${process}</script>\n');
		expect(syntaxError('x = 1; process.exit(3)')).toBe('1行目: 『;』という文字は使えません');
		expect(syntaxError('constructor = 1\nx = constructor.prototype')).toBe('2行目: 『.』という文字は使えません');
		expect(output('constructor = 2\n__proto__ = 3\n表示する(constructor + __proto__)')).toBe('5\n');
	});

	it('turns nesting too deep to parse into a syntax error, not a crash', () => {
		expect(syntaxError(`x = 1\ny = ${'('.repeat(30_000)}1${')'.repeat(30_000)}`)).toBe('2行目: 式や『( )』の入れ子が深すぎます');
	});
});

describe('runtime errors: Japanese, on the DNCL line', () => {
	it('reports an index out of range with the valid range', () => {
		expect(runtimeError('Data = [1, 2, 3]\ni = 3\n\n表示する(Data[i])')).toBe(
			'main.dncl:4\nDNCLError: 4行目: 配列Dataの添字3は範囲外です（使える添字は0から2まで）\n'
		);
		expect(runtimeError('Data = [1, 2]\nData[5] = 1')).toContain('2行目: 配列Dataの添字5は範囲外です（使える添字は0から2まで）');
		expect(runtimeError('Data = [1, 2]\n表示する(Data[0.5])')).toContain('配列Dataの添字は整数にします（0.5になっています）');
	});

	it('reports division by zero, unset variables, wrong types and endless recursion', () => {
		expect(runtimeError('x = 0\n表示する(5 ÷ x)')).toContain('2行目: 0で割ることはできません（『÷』）');
		expect(runtimeError('表示する(5 % 0)')).toContain('1行目: 0で割ることはできません（『%』）');
		expect(runtimeError('表示する(kosu)')).toContain('1行目: 変数kosuにはまだ値が入っていません');
		expect(runtimeError('表示する("a" * 2)')).toContain('『*』は数値で計算します（"a"は数値ではありません）');
		expect(runtimeError('表示する("a" < 2)')).toContain('『<』で文字列と数値の大小は比べられません');
		expect(runtimeError('関数 f(n) を定義する:\n⎿ f(n + 1) を返す\nx = f(1)')).toContain('関数の呼び出しが深くなりすぎました');
	});

	it('keeps the output printed before the error', () => {
		const run = runDncl('表示する("前")\nx = 1 ÷ 0');
		expect(run.stdout).toBe('前\n');
	});
});

describe('the translated program on its own', () => {
	it('runs under plain node, reading stdin and exiting 1 on a runtime error', () => {
		const folder = mkdtempSync(join(tmpdir(), 'dncl-'));
		const write = (source: string) => {
			const translation = compileDncl(source);
			if (!translation.ok) throw translation.error;
			const file = join(folder, 'main.js');
			writeFileSync(file, translation.javascript);
			return file;
		};
		const ok = spawnSync(process.execPath, [write('n = 【外部からの入力】\n表示する(n * 2)')], { input: '21\n', encoding: 'utf8' });
		expect([ok.stdout, ok.status]).toEqual(['42\n', 0]);
		const failed = spawnSync(process.execPath, [write('表示する(1)\nA = []\n表示する(A[0])')], { encoding: 'utf8' });
		expect([failed.stdout, failed.stderr, failed.status]).toEqual(['1\n', 'main.dncl:3\nDNCLError: 3行目: 配列Aは空なので、添字0の要素はありません\n', 1]);
	});
});
