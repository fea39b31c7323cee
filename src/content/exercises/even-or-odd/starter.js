const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 整数を読み込む
const n = Number(lines[0]);

// 偶数か奇数かで、出力を変えよう
console.log('even');
