const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 西暦を読み込む
const y = Number(lines[0]);

// うるう年かどうかを判定しよう
console.log('No');
