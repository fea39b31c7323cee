const lines = require('fs').readFileSync(0, 'utf8').split('\n');
let [money, n] = lines[0].split(' ').map(Number);

for (let i = 1; i <= n; i++) {
  const [kind, amount] = lines[i].split(' ');
  const x = Number(amount);
  if (kind === 'in') {
    money += x;
    console.log(money);
  } else if (money >= x) {
    money -= x;
    console.log(money);
  } else {
    console.log('NG');
  }
}
