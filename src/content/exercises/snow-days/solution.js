const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [n, m, k] = lines[0].split(' ').map(Number);
const snowfall = lines[1].split(' ').map(Number);

let depth = 0;
let days = 0;
for (const s of snowfall) {
  depth += s;
  if (depth >= k) {
    days++;
  }
  depth = Math.max(0, depth - m);
}

console.log(days);
console.log(depth);
