const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const a = lines[0];
const b = lines[1];
const c = lines[2];
console.log(c);
console.log(b);
console.log(a);
