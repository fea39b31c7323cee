const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 整数の配列を読み込む
const n = Number(lines[0]);
const numbers = lines[1].split(' ').map(Number);

// 逆の順にしよう(今は入力の順のまま出力している)

console.log(numbers.join(' '));
