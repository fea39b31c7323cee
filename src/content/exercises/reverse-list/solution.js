const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(lines[0]);
const numbers = lines[1].split(' ').map(Number);
numbers.reverse();
console.log(numbers.join(' '));
