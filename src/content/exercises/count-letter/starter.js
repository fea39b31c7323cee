const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 文字列と文字を読み込む
const s = lines[0];
const c = lines[1];

// s の中の c を数えよう
let count = 0;

console.log(count);
