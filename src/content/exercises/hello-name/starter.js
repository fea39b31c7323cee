const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// 名前を1行読み込む
const name = lines[0];

// あいさつの形にして出力しよう(今は名前だけを出力している)
console.log(name);
