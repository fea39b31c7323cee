const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 表を2次元配列として読み込む
const [h, w] = lines[0].split(' ').map(Number);
const table = [];
for (let i = 1; i <= h; i++) {
  table.push(lines[i].split(' ').map(Number));
}

// 縦と横を入れかえて出力しよう(今はもとの表のまま出力している)
for (const row of table) {
  console.log(row.join(' '));
}
