const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [l, d, v, w] = lines[0].split(' ').map(Number);

let runner = d;
let chaser = 0;
let seconds = 0;
while (chaser < runner) {
  runner = Math.min(l, runner + w);
  chaser += v;
  seconds++;
}

console.log(seconds);
