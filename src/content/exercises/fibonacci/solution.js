const lines = require('fs').readFileSync(0, 'utf8').split('\n');

function fib(n) {
  if (n <= 2) {
    return 1;
  }
  return fib(n - 1) + fib(n - 2);
}

const n = Number(lines[0]);
console.log(fib(n));
