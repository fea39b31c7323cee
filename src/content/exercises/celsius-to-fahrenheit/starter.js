const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 摂氏の温度を読み込む
const c = Number(lines[0]);

// 華氏に直そう
const f = 0;

console.log(f);
