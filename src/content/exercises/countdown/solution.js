const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(lines[0]);
for (let i = n; i >= 1; i--) {
  console.log(i);
}
console.log('Go!');
