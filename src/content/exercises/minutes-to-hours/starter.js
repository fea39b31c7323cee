const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 分を読み込む
const n = Number(lines[0]);

// 何時間何分かを計算しよう
const hours = 0;
const minutes = 0;

console.log(`${hours}:${minutes}`);
