const lines = require('fs').readFileSync(0, 'utf8').split('\n');

function fare(age) {
  if (age <= 5) {
    return 0;
  } else if (age <= 12) {
    return 110;
  } else {
    return 220;
  }
}

const n = Number(lines[0]);
const ages = lines[1].split(' ').map(Number);
let total = 0;
for (const age of ages) {
  total += fare(age);
}
console.log(total);
