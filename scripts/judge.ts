// Judges one program from the command line: see `npm run judge -- --help`.
import { loadConfig } from '../src/lib/server/config';
import { runJudgeCli } from '../src/lib/server/judge-cli';

const output = { stdout: (text: string) => process.stdout.write(text), stderr: (text: string) => process.stderr.write(text) };
const config = loadConfig();
process.exitCode = await runJudgeCli(process.argv.slice(2), output, { production: config.production, interpreters: { javascript: config.judgeNode } });
