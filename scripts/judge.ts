// Judges one program from the command line: see `npm run judge -- --help`.
import { runJudgeCli } from '../src/lib/server/judge/cli';

const output = { stdout: (text: string) => process.stdout.write(text), stderr: (text: string) => process.stderr.write(text) };
process.exitCode = await runJudgeCli(process.argv.slice(2), output, { production: process.env.NODE_ENV === 'production' });
