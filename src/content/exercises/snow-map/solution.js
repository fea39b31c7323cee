const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [h, w] = lines[0].split(' ').map(Number);
const rows = [];
for (let i = 1; i <= h; i++) {
  rows.push(lines[i]);
}

let total = 0;
let bestRow = 1;
let bestCount = -1;
for (let i = 0; i < h; i++) {
  let count = 0;
  for (const ch of rows[i]) {
    if (ch === '#') {
      count++;
    }
  }
  total += count;
  if (count > bestCount) {
    bestCount = count;
    bestRow = i + 1;
  }
}

console.log(total);
console.log(bestRow);
