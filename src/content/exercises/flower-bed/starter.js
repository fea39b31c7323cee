const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// たて h と よこ w を読み込む
const [h, w] = lines[0].split(' ').map(Number);

// 面積とまわりの長さを計算しよう
const area = 0;
const perimeter = 0;

console.log(area);
console.log(perimeter);
