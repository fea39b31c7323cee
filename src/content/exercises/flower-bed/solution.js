const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [h, w] = lines[0].split(' ').map(Number);
const area = h * w;
const perimeter = 2 * (h + w);
console.log(area);
console.log(perimeter);
