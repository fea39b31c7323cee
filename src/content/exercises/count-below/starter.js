const lines = require('fs').readFileSync(0, 'utf8').split('\n');

function countBelow(scores, x) {
  // scores の中で x より小さいものの個数を、二分探索で返そう
  return 0;
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
