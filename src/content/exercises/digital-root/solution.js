const lines = require('fs').readFileSync(0, 'utf8').split('\n');

function digitSum(n) {
  if (n === 0) {
    return 0;
  }
  return (n % 10) + digitSum(Math.floor(n / 10));
}

function digitalRoot(n) {
  if (n < 10) {
    return n;
  }
  return digitalRoot(digitSum(n));
}

const n = Number(lines[0]);
console.log(digitalRoot(n));
