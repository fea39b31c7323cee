const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [h, w] = lines[0].split(' ').map(Number);
const table = [];
for (let i = 1; i <= h; i++) {
  table.push(lines[i].split(' ').map(Number));
}

const columnTotals = new Array(w).fill(0);
for (let i = 0; i < h; i++) {
  let rowTotal = 0;
  for (let j = 0; j < w; j++) {
    rowTotal += table[i][j];
    columnTotals[j] += table[i][j];
  }
  console.log(rowTotal);
}
console.log(columnTotals.join(' '));
