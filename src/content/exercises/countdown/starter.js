const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 整数を読み込む
const n = Number(lines[0]);

// n から 1 までを出力しよう

console.log('Go!');
