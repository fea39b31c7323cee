const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const s = lines[0];
const words = s.split(' ').filter((word) => word !== '');
console.log(words.length);
