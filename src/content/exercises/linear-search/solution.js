const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(lines[0]);
const numbers = lines[1].split(' ').map(Number);
const x = Number(lines[2]);

let position = -1;
for (let i = 0; i < n; i++) {
  if (numbers[i] === x) {
    position = i + 1;
    break;
  }
}
console.log(position);
