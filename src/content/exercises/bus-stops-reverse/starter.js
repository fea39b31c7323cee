const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 3つのバス停の名前を読み込む
const a = lines[0];
const b = lines[1];
const c = lines[2];

// 帰りの順に出力しよう(今は行きの順のまま)
console.log(a);
console.log(b);
console.log(c);
