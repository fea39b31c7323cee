const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// バス停の数と定員を読み込む
const [n, c] = lines[0].split(' ').map(Number);

let aboard = 0;
let leftBehind = 0;
for (let i = 1; i <= n; i++) {
  const [b, a] = lines[i].split(' ').map(Number);
  // 降りる人、乗る人の順に、乗客数を更新しよう
  console.log(aboard);
}

console.log(leftBehind);
