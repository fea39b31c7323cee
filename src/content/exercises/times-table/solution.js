const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(lines[0]);
for (let i = 1; i <= n; i++) {
  let row = '';
  for (let j = 1; j <= n; j++) {
    row += `${i * j} `;
  }
  console.log(row);
}
