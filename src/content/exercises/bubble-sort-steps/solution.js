const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(lines[0]);
const a = lines[1].split(' ').map(Number);

let swaps = 0;
for (let k = 1; k < n; k++) {
  for (let j = 0; j < n - k; j++) {
    if (a[j] > a[j + 1]) {
      const front = a[j];
      a[j] = a[j + 1];
      a[j + 1] = front;
      swaps++;
    }
  }
  console.log(a.join(' '));
}
console.log(swaps);
