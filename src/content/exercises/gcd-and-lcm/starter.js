const lines = require('fs').readFileSync(0, 'utf8').split('\n');

function gcd(a, b) {
  // ユークリッドの互除法で最大公約数を返そう(今はいつも 1 を返している)
  return 1;
}

const [a, b] = lines[0].split(' ').map(Number);
console.log(gcd(a, b));
console.log((a * b) / gcd(a, b));
