const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(lines[0]);
let row = '';
for (let i = 1; i <= 9; i++) {
  row += `${n * i} `;
}
console.log(row);
