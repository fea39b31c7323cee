const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const k = Number(lines[0]);
const s = lines[1];

const alphabet = 'abcdefghijklmnopqrstuvwxyz';
let answer = '';
for (const ch of s) {
  const position = alphabet.indexOf(ch);
  answer += alphabet[(position + k) % 26];
}
console.log(answer);
