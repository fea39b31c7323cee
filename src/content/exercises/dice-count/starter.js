const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 回数と出た目の配列を読み込む
const n = Number(lines[0]);
const rolls = lines[1].split(' ').map(Number);

// それぞれの目が出た回数を数えよう
const counts = [0, 0, 0, 0, 0, 0, 0];

for (let face = 1; face <= 6; face++) {
  console.log(counts[face]);
}
