const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [h, w] = lines[0].split(' ').map(Number);
const table = [];
for (let i = 1; i <= h; i++) {
  table.push(lines[i].split(' ').map(Number));
}

for (let j = 0; j < w; j++) {
  const newRow = [];
  for (let i = 0; i < h; i++) {
    newRow.push(table[i][j]);
  }
  console.log(newRow.join(' '));
}
