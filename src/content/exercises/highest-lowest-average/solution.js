const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(lines[0]);
const scores = lines[1].split(' ').map(Number);
let total = 0;
for (const score of scores) {
  total += score;
}
console.log(Math.max(...scores));
console.log(Math.min(...scores));
console.log(total / n);
