const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 範囲の上はしと、当てる数を読み込む
const [n, x] = lines[0].split(' ').map(Number);

let lo = 1;
let hi = n;
let count = 0;

// まん中を言って範囲をせばめることを、当たるまで繰り返そう

console.log(count);
