const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 表を2次元配列として読み込む
const [h, w] = lines[0].split(' ').map(Number);
const table = [];
for (let i = 1; i <= h; i++) {
  table.push(lines[i].split(' ').map(Number));
}

// 行ごとの合計と、列ごとの合計を出力しよう
const columnTotals = new Array(w).fill(0);

console.log(columnTotals.join(' '));
