const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(lines[0]);
if (n % 15 === 0) {
  console.log('FizzBuzz');
} else if (n % 3 === 0) {
  console.log('Fizz');
} else if (n % 5 === 0) {
  console.log('Buzz');
} else {
  console.log(n);
}
