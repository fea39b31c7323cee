const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const s = Number(lines[0]);
let grade;
if (s >= 80) {
  grade = 'A';
} else if (s >= 60) {
  grade = 'B';
} else if (s >= 40) {
  grade = 'C';
} else {
  grade = 'D';
}
console.log(grade);
