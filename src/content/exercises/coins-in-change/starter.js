const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 値段を読み込む
const price = Number(lines[0]);
let change = 1000 - price;
console.log(change);

// 500円玉から順に、枚数を1行ずつ出力しよう
