const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 整数を読み込む
const n = Number(lines[0]);

// n × 1 から n × 9 までを1行に並べよう
let row = '';

console.log(row);
