// DNCL (共通テスト用プログラム表記) in Monaco: colouring (a Monarch tokenizer built from the language's own keyword
// list, src/lib/dncl/lexer.ts), the exam's block markers typed on Enter, and snippets, so that typing もし offers the
// whole block and the markers ｜ and ⎿, which no keyboard has, come from the suggestions (also by romaji: moshi, owari).
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { inputKeyword, japaneseKeywords } from '$lib/dncl/lexer';

export const dnclLanguageId = 'dncl';

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const builtins = ['表示する', '要素数', '整数', '乱数'];

/** Each suggestion: what the list shows, what it inserts (a snippet), and the romaji or English that also finds it. */
const snippets: Array<{ label: string; insert: string; also: string; detail: string }> = [
	{ label: 'もし … ならば', insert: 'もし ${1:x < 3} ならば:\n⎿ ${0}', also: 'moshi if', detail: '条件分岐' },
	{
		label: 'もし … ならば … そうでなければ',
		insert: 'もし ${1:x < 3} ならば:\n｜ ${2}\nそうでなければ:\n⎿ ${0}',
		also: 'moshi if else',
		detail: '条件分岐（2通り）'
	},
	{ label: 'そうでなくもし … ならば', insert: 'そうでなくもし ${1:x < 0} ならば:\n｜ ${0}', also: 'soudenakumoshi elif', detail: '条件分岐（続き）' },
	{ label: 'そうでなければ', insert: 'そうでなければ:\n⎿ ${0}', also: 'soudenakereba else', detail: '条件分岐（それ以外）' },
	{
		label: '… を … から … まで … ずつ増やしながら繰り返す',
		insert: '${1:i} を ${2:0} から ${3:9} まで ${4:1} ずつ増やしながら繰り返す:\n⎿ ${0}',
		also: 'fuyashinagara kurikaesu for',
		detail: '繰返し'
	},
	{
		label: '… を … から … まで … ずつ減らしながら繰り返す',
		insert: '${1:i} を ${2:9} から ${3:0} まで ${4:1} ずつ減らしながら繰り返す:\n⎿ ${0}',
		also: 'herashinagara kurikaesu for',
		detail: '繰返し'
	},
	{ label: '… の間繰り返す', insert: '${1:x < 10} の間繰り返す:\n｜ ${2}\n⎿ ${0}', also: 'noaida kurikaesu while', detail: '繰返し（条件）' },
	{ label: '関数 … を定義する', insert: '関数 ${1:nibai}(${2:x}) を定義する:\n⎿ ${0:x * 2} を返す', also: 'kansuu function def', detail: '関数の定義' },
	{ label: '表示する(…)', insert: '表示する(${0})', also: 'hyoujisuru print', detail: '値を表示する' },
	{ label: '要素数(…)', insert: '要素数(${1:Data})', also: 'yousosuu len', detail: '配列の要素の数' },
	{ label: '整数(…)', insert: '整数(${1:x})', also: 'seisuu int', detail: '小数点以下を切り捨てた整数' },
	{ label: '乱数()', insert: '乱数()', also: 'ransuu random', detail: '0以上1未満の乱数' },
	{ label: '【外部からの入力】', insert: '【外部からの入力】', also: 'gaibu nyuuryoku input', detail: '入力を1行読む' },
	{ label: '… のすべての値を … にする', insert: '${1:Data}のすべての値を${2:0}にする', also: 'subete atai fill', detail: '配列のすべての要素に代入' },
	{ label: '｜', insert: '｜ ', also: '| tate bar tsuzuki', detail: 'ブロックの続きの行' },
	{ label: '⎿', insert: '⎿ ', also: 'owari end L', detail: 'ブロックの最後の行' }
];

export function registerDncl(monaco: typeof Monaco): void {
	if (monaco.languages.getLanguages().some((language) => language.id === dnclLanguageId)) return;
	monaco.languages.register({ id: dnclLanguageId, extensions: ['.dncl'], aliases: ['DNCL', '共通テスト用プログラム表記'] });
	monaco.languages.setMonarchTokensProvider(dnclLanguageId, {
		tokenizer: {
			root: [
				[/[#＃].*$/, 'comment'],
				[/"[^"]*"?/, 'string'],
				[/「[^」]*」?/, 'string'],
				[new RegExp(escape(inputKeyword)), 'keyword'],
				[/[|｜│┃⎿└┗]/, 'delimiter.bracket'],
				[new RegExp(japaneseKeywords.map(escape).join('|')), 'keyword'],
				[/\b(and|or|not)\b/, 'keyword'],
				[new RegExp(builtins.join('|')), 'type'],
				[/[A-Z][A-Za-z0-9_]*/, 'type.identifier'],
				[/[a-z_][A-Za-z0-9_]*/, 'identifier'],
				[/\d+(\.\d+)?/, 'number'],
				[/\*\*|==|!=|>=|<=|[+\-*/÷%<>=]/, 'operator'],
				[/[()[\],:，、：（）]/, 'delimiter']
			]
		}
	});
	monaco.languages.setLanguageConfiguration(dnclLanguageId, {
		comments: { lineComment: '#' },
		brackets: [
			['(', ')'],
			['[', ']']
		],
		autoClosingPairs: [
			{ open: '(', close: ')' },
			{ open: '[', close: ']' },
			{ open: '"', close: '"', notIn: ['string'] },
			{ open: '「', close: '」' }
		],
		onEnterRules: [
			// After a block's header the next line starts the block with a marker, as the exam writes it.
			{ beforeText: /:\s*(#.*)?$/, action: { indentAction: monaco.languages.IndentAction.None, appendText: '｜ ' } },
			// Inside a block: keep the markers of the line above (｜ ⎿ → ｜ ｜).
			{ beforeText: /^[\s|｜⎿]*[|｜]\s/, action: { indentAction: monaco.languages.IndentAction.None, appendText: '｜ ' } }
		]
	});
	monaco.languages.registerCompletionItemProvider(dnclLanguageId, {
		provideCompletionItems(model, position) {
			const word = model.getWordUntilPosition(position);
			const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
			return {
				suggestions: snippets.map((snippet) => ({
					label: snippet.label,
					kind: monaco.languages.CompletionItemKind.Snippet,
					detail: snippet.detail,
					insertText: snippet.insert,
					insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
					filterText: `${snippet.label} ${snippet.also}`,
					range
				}))
			};
		}
	});
}
