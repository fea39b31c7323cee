const lines = require('fs').readFileSync(0, 'utf8').split('\n');

function fare(age) {
  // 年齢 age の人の運賃を返そう(今はいつも 0 を返している)
  return 0;
}

const n = Number(lines[0]);
const ages = lines[1].split(' ').map(Number);
let total = 0;
for (const age of ages) {
  total += fare(age);
}
console.log(total);
