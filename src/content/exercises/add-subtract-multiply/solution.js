const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [a, b] = lines[0].split(' ').map(Number);
console.log(a + b);
console.log(a - b);
console.log(a * b);
