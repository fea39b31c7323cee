const lines = require('fs').readFileSync(0, 'utf8').split('\n');
// ずらす数と文字列を読み込む
const k = Number(lines[0]);
const s = lines[1];

const alphabet = 'abcdefghijklmnopqrstuvwxyz';

// 1文字ずつずらして、答えの文字列を作ろう
let answer = '';

console.log(answer);
