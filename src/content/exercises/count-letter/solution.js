const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const s = lines[0];
const c = lines[1];
let count = 0;
for (const ch of s) {
  if (ch === c) {
    count++;
  }
}
console.log(count);
