const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 整数の配列を読み込む
const n = Number(lines[0]);
const a = lines[1].split(' ').map(Number);

let swaps = 0;

// バブルソートをして、1回分の作業ごとに並びを出力しよう

console.log(swaps);
