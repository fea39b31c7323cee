const lines = require('fs').readFileSync(0, 'utf8').split('\n');
let n = Number(lines[0]);
let total = 0;
while (n > 0) {
  total += n % 10;
  n = Math.floor(n / 10);
}
console.log(total);
