const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const y = Number(lines[0]);
if (y % 400 === 0) {
  console.log('Yes');
} else if (y % 100 === 0) {
  console.log('No');
} else if (y % 4 === 0) {
  console.log('Yes');
} else {
  console.log('No');
}
