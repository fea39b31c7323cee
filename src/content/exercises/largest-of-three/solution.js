const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [a, b, c] = lines[0].split(' ').map(Number);
let largest = a;
if (b > largest) {
  largest = b;
}
if (c > largest) {
  largest = c;
}
console.log(largest);
