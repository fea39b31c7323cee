const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [n, x] = lines[0].split(' ').map(Number);

let lo = 1;
let hi = n;
let count = 0;
while (true) {
  const mid = Math.floor((lo + hi) / 2);
  console.log(mid);
  count++;
  if (mid === x) {
    break;
  } else if (mid < x) {
    lo = mid + 1;
  } else {
    hi = mid - 1;
  }
}
console.log(count);
