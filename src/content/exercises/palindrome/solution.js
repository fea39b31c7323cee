const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const s = lines[0];
const reversed = [...s].reverse().join('');
if (s === reversed) {
  console.log('Yes');
} else {
  console.log('No');
}
