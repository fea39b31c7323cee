const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 日数、とける量、雪かきの深さと、毎日の雪の量を読み込む
const [n, m, k] = lines[0].split(' ').map(Number);
const snowfall = lines[1].split(' ').map(Number);

let depth = 0;
let days = 0;
// 1日ずつ、雪の深さをシミュレーションしよう

console.log(days);
console.log(depth);
