const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 人数と点数の配列を読み込む
const n = Number(lines[0]);
const scores = lines[1].split(' ').map(Number);

// 最高点・最低点・平均点を求めよう
let highest = 0;
let lowest = 0;
let average = 0;

console.log(highest);
console.log(lowest);
console.log(average);
