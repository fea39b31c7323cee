const lines = require('fs').readFileSync(0, 'utf8').split('\n');

const moves = [];

function hanoi(n, source, target, spare) {
  // n 枚の円板を source から target へ移す動かし方を、moves に追加しよう
}

const n = Number(lines[0]);
hanoi(n, 'A', 'C', 'B');
console.log(moves.length);
for (const move of moves) {
  console.log(move);
}
