const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 整数を読み込む
const n = Number(lines[0]);

// ルールにしたがって出力しよう(今は N をそのまま出力している)
console.log(n);
