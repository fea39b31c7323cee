const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 3つの整数を読み込む
const [a, b, c] = lines[0].split(' ').map(Number);

// いちばん大きい数を求めよう
let largest = a;

console.log(largest);
