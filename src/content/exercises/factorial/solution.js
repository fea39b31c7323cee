const lines = require('fs').readFileSync(0, 'utf8').split('\n');

function factorial(n) {
  if (n === 0) {
    return 1;
  }
  return n * factorial(n - 1);
}

const n = Number(lines[0]);
console.log(factorial(n));
