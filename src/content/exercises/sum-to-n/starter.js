const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 整数を読み込む
const n = Number(lines[0]);

// 1 から n までを順に足そう
let total = 0;

console.log(total);
