const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 地図の大きさと地図を読み込む
const [h, w] = lines[0].split(' ').map(Number);
const rows = [];
for (let i = 1; i <= h; i++) {
  rows.push(lines[i]);
}

// # の数と、# がいちばん多い行を求めよう
let total = 0;
let bestRow = 1;

console.log(total);
console.log(bestRow);
