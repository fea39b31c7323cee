const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const name = lines[0];
console.log('こんにちは、' + name + 'さん');
