const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 人数と点数の配列を読み込む
const n = Number(lines[0]);
const scores = lines[1].split(' ').map(Number);

// 平均点を求めてから、平均点より高い人を数えよう
let count = 0;

console.log(count);
