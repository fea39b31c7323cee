const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(lines[0]);
const players = [];
for (let i = 1; i <= n; i++) {
  const [name, score] = lines[i].split(' ');
  players.push({ name, score: Number(score) });
}

players.sort((a, b) => {
  if (a.score !== b.score) {
    return b.score - a.score;
  }
  return a.name < b.name ? -1 : 1;
});

for (const player of players) {
  console.log(`${player.name} ${player.score}`);
}
