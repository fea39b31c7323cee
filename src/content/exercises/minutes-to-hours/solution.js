const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(lines[0]);
const hours = Math.floor(n / 60);
const minutes = n % 60;
console.log(`${hours}:${String(minutes).padStart(2, '0')}`);
