const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// はじめのお金と回数を読み込む
let [money, n] = lines[0].split(' ').map(Number);

for (let i = 1; i <= n; i++) {
  const [kind, amount] = lines[i].split(' ');
  const x = Number(amount);
  // kind が "in" か "out" かで、お金を増やしたり減らしたりしよう
  console.log(money);
}
