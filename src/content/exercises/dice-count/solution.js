const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(lines[0]);
const rolls = lines[1].split(' ').map(Number);
const counts = [0, 0, 0, 0, 0, 0, 0];
for (const roll of rolls) {
  counts[roll]++;
}
for (let face = 1; face <= 6; face++) {
  console.log(counts[face]);
}
