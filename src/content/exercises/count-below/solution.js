const lines = require('fs').readFileSync(0, 'utf8').split('\n');

function countBelow(scores, x) {
  let lo = 0;
  let hi = scores.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (scores[mid] < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

const n = Number(lines[0]);
const scores = lines[1].split(' ').map(Number);
const q = Number(lines[2]);
const answers = [];
for (let j = 0; j < q; j++) {
  const x = Number(lines[3 + j]);
  answers.push(countBelow(scores, x));
}
console.log(answers.join('\n'));
