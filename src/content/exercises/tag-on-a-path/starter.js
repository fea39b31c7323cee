const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 石垣の位置、子のはじめの位置、おにと子の速さを読み込む
const [l, d, v, w] = lines[0].split(' ').map(Number);

let runner = d;
let chaser = 0;
let seconds = 0;
// 1秒ずつ動かして、つかまるまで繰り返そう

console.log(seconds);
