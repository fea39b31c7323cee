const lines = require('fs').readFileSync(0, 'utf8').split('\n');

const moves = [];

function hanoi(n, source, target, spare) {
  if (n === 0) {
    return;
  }
  hanoi(n - 1, source, spare, target);
  moves.push(`${source} ${target}`);
  hanoi(n - 1, spare, target, source);
}

const n = Number(lines[0]);
hanoi(n, 'A', 'C', 'B');
console.log(moves.length);
for (const move of moves) {
  console.log(move);
}
