const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 文を1行読み込む
const s = lines[0];

// 単語の数を数えよう
let count = 0;

console.log(count);
