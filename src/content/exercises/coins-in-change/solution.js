const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const price = Number(lines[0]);
let change = 1000 - price;
console.log(change);

console.log(Math.floor(change / 500));
change = change % 500;
console.log(Math.floor(change / 100));
change = change % 100;
console.log(Math.floor(change / 50));
change = change % 50;
console.log(Math.floor(change / 10));
change = change % 10;
console.log(Math.floor(change / 5));
change = change % 5;
console.log(change);
