const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 整数を読み込む
const n = Number(lines[0]);

// n 行 n 列のかけ算の表を出力しよう(今は1行目だけ)
let row = '';
for (let j = 1; j <= n; j++) {
  row += `${1 * j} `;
}
console.log(row);
