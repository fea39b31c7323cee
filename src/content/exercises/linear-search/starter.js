const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 整数の配列と、探す数を読み込む
const n = Number(lines[0]);
const numbers = lines[1].split(' ').map(Number);
const x = Number(lines[2]);

// 先頭から順に探そう
let position = -1;

console.log(position);
