const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 点数を読み込む
const s = Number(lines[0]);

// 点数で評価を決めよう
let grade = '?';

console.log(grade);
