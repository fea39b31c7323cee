const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const c = Number(lines[0]);
const f = (c * 9) / 5 + 32;
console.log(f);
