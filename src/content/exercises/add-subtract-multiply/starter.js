const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 2つの整数を読み込む
const [a, b] = lines[0].split(' ').map(Number);

// 3つの答えを1行ずつ出力しよう(今は1つ目だけ)
console.log(a + b);
