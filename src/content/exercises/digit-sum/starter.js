const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 整数を読み込む
let n = Number(lines[0]);

// 各位の数字を順に足そう
let total = 0;

console.log(total);
