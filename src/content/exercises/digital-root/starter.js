const lines = require('fs').readFileSync(0, 'utf8').split('\n');

function digitSum(n) {
  // n の各位の数字の和を、再帰を使って返そう
  return 0;
}

function digitalRoot(n) {
  // n の数の根を、再帰を使って返そう
  return n;
}

const n = Number(lines[0]);
console.log(digitalRoot(n));
