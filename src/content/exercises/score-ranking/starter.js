const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 名前と得点の組を読み込む
const n = Number(lines[0]);
const players = [];
for (let i = 1; i <= n; i++) {
  const [name, score] = lines[i].split(' ');
  players.push({ name, score: Number(score) });
}

// ランキングの順に並べかえよう

for (const player of players) {
  console.log(`${player.name} ${player.score}`);
}
