const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(lines[0]);
if (n % 2 === 0) {
  console.log('even');
} else {
  console.log('odd');
}
