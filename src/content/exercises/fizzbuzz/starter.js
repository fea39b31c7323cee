const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 整数を読み込む
const n = Number(lines[0]);

// 1 から n まで、ルールにしたがって出力しよう
for (let i = 1; i <= n; i++) {
  console.log(i);
}
