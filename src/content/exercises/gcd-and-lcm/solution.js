const lines = require('fs').readFileSync(0, 'utf8').split('\n');

function gcd(a, b) {
  while (b !== 0) {
    const remainder = a % b;
    a = b;
    b = remainder;
  }
  return a;
}

const [a, b] = lines[0].split(' ').map(Number);
console.log(gcd(a, b));
console.log((a * b) / gcd(a, b));
