const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [n, c] = lines[0].split(' ').map(Number);

let aboard = 0;
let leftBehind = 0;
for (let i = 1; i <= n; i++) {
  const [b, a] = lines[i].split(' ').map(Number);
  aboard -= b;
  const boarding = Math.min(a, c - aboard);
  leftBehind += a - boarding;
  aboard += boarding;
  console.log(aboard);
}

console.log(leftBehind);
