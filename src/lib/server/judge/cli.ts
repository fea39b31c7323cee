// `npm run judge -- ...`: judges one source file against a cases file, through the same sandbox as the server.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { compareModes, defaultCompareMode } from './compare';
import { judgeSource, type JudgeRequest } from './judge';
import { languages } from './languages';
import { defaultLimits } from './limits';
import { createSandbox } from './sandbox';

export const usage = `Usage: npm run judge -- --language python|javascript --source FILE --cases CASES.json
         [--time-limit-ms N] [--memory-mb N] [--compare exact|lines|float]

CASES.json: [{"input": "...", "output": "..."}, ...]
Prints one JSON object: {"verdict": ..., "cases": [{"verdict", "timeMs", "stdout", ...}], "sandboxed": ...}
Exit status 0 whenever judging completed, whatever the verdict.`;

/** Bad arguments: the message and the usage are printed. */
export class UsageError extends Error {}
/** A file that cannot be read or parsed: the message alone is printed. */
export class InputFileError extends Error {}

const positiveInteger = (name: string) =>
	z.coerce.number({ error: `--${name} must be a number` }).int(`--${name} must be a whole number`).positive(`--${name} must be positive`);

const argumentsSchema = z.object({
	language: z.enum(languages, { error: '--language must be python or javascript' }),
	source: z.string({ error: '--source FILE is required' }),
	cases: z.string({ error: '--cases CASES.json is required' }),
	'time-limit-ms': positiveInteger('time-limit-ms').default(defaultLimits.timeLimitMs),
	'memory-mb': positiveInteger('memory-mb').default(defaultLimits.memoryLimitMb),
	compare: z.enum(compareModes, { error: '--compare must be exact, lines or float' }).default(defaultCompareMode)
});

export type JudgeArguments = { help: true } | ({ help: false } & z.infer<typeof argumentsSchema>);

export function parseJudgeArguments(argv: string[]): JudgeArguments {
	let values: Record<string, string | boolean | undefined>;
	try {
		({ values } = parseArgs({
			args: argv,
			options: {
				language: { type: 'string' },
				source: { type: 'string' },
				cases: { type: 'string' },
				'time-limit-ms': { type: 'string' },
				'memory-mb': { type: 'string' },
				compare: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			},
			strict: true,
			allowPositionals: false
		}));
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
	if (values.help) return { help: true };
	const parsed = argumentsSchema.safeParse(values);
	if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('\n'));
	return { help: false, ...parsed.data };
}

const casesFileSchema = z
	.array(z.object({ input: z.string(), output: z.string() }).strict(), { error: 'expected [{"input": "...", "output": "..."}, ...]' })
	.min(1, 'expected at least one case');

async function readRequest(args: Exclude<JudgeArguments, { help: true }>): Promise<JudgeRequest> {
	const read = (path: string) =>
		readFile(path, 'utf8').catch((error: Error) => {
			throw new InputFileError(`cannot read ${path}: ${error.message}`);
		});
	const source = await read(args.source);
	let cases: unknown;
	try {
		cases = JSON.parse(await read(args.cases));
	} catch (error) {
		throw error instanceof InputFileError ? error : new InputFileError(`${args.cases} is not valid JSON`);
	}
	const parsedCases = casesFileSchema.safeParse(cases);
	if (!parsedCases.success) throw new InputFileError(`${args.cases}: ${parsedCases.error.issues[0]?.message}`);
	return {
		language: args.language,
		source,
		cases: parsedCases.data.map((testCase) => ({ input: testCase.input, expectedOutput: testCase.output })),
		limits: { ...defaultLimits, timeLimitMs: args['time-limit-ms'], memoryLimitMb: args['memory-mb'] },
		compareMode: args.compare
	};
}

export interface CliOutput {
	stdout(text: string): void;
	stderr(text: string): void;
}

/** Returns the exit status: 0 when judging completed, 2 for bad arguments or files, 1 when the judge itself failed. */
export async function runJudgeCli(argv: string[], output: CliOutput, options: { production: boolean }): Promise<number> {
	try {
		const args = parseJudgeArguments(argv);
		if (args.help) {
			output.stdout(`${usage}\n`);
			return 0;
		}
		const request = await readRequest(args);
		const sandbox = await createSandbox({ production: options.production });
		output.stdout(`${JSON.stringify(await judgeSource(sandbox, request))}\n`);
		return 0;
	} catch (error) {
		if (error instanceof UsageError) {
			output.stderr(`${error.message}\n\n${usage}\n`);
			return 2;
		}
		if (error instanceof InputFileError) {
			output.stderr(`${error.message}\n`);
			return 2;
		}
		output.stderr(`judge failed: ${error instanceof Error ? error.message : String(error)}\n`);
		return 1;
	}
}
