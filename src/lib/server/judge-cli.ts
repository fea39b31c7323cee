// `npm run judge -- ...`: judges one source file against a cases file, or against an exercise folder's own cases,
// limits and compare mode, through the same sandbox as the server.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ExerciseContentError, loadExerciseFolder, sourceExtensions, type ExerciseContent } from './exercises';
import { compareModes, defaultCompareMode } from '../judge/compare';
import { judgeSource, type JudgeRequest } from './judge';
import { languages } from './judge';
import { defaultLimits } from './judge';
import { createSandbox, type SandboxOptions } from './judge';

export const usage = `Usage: npm run judge -- --language python|javascript|dncl --source FILE --cases CASES.json
         [--time-limit-ms N] [--memory-mb N] [--compare exact|lines|float] [--dncl-array-base 0|1]
       npm run judge -- --language python|javascript|dncl --exercise src/content/exercises/SLUG [--source FILE]
         [--time-limit-ms N] [--memory-mb N] [--compare exact|lines|float]

CASES.json: [{"input": "...", "output": "..."}, ...]
--exercise judges against the folder's cases, limits and compare mode (options given override them);
  without --source it judges the folder's reference solution (solution.py / solution.js / solution.dncl).
dncl (共通テスト用プログラム表記) is translated to JavaScript and judged as JavaScript; --dncl-array-base 1
  makes its arrays start at 1 (with --exercise, the folder's dnclArrayBase decides).
Prints one JSON object: {"verdict": ..., "cases": [{"verdict", "timeMs", "stdout", ...}], "sandboxed": ...}
  (with --exercise, each case also has its "name": sample-1, hidden-2, ...)
Exit status 0 whenever judging completed, whatever the verdict.`;

/** Bad arguments: the message and the usage are printed. */
export class UsageError extends Error {}
/** A file that cannot be read or parsed: the message alone is printed. */
export class InputFileError extends Error {}

const positiveInteger = (name: string) =>
	z.coerce
		.number({ error: `--${name} must be a number` })
		.int(`--${name} must be a whole number`)
		.positive(`--${name} must be positive`);

const argumentsSchema = z
	.object({
		language: z.enum(languages, { error: '--language must be python, javascript or dncl' }),
		'dncl-array-base': z.enum(['0', '1'], { error: '--dncl-array-base must be 0 or 1' }).optional(),
		source: z.string().optional(),
		cases: z.string().optional(),
		exercise: z.string().optional(),
		'time-limit-ms': positiveInteger('time-limit-ms').optional(),
		'memory-mb': positiveInteger('memory-mb').optional(),
		compare: z.enum(compareModes, { error: '--compare must be exact, lines or float' }).optional()
	})
	.superRefine((args, context) => {
		if (args.cases !== undefined && args.exercise !== undefined) {
			context.addIssue({ code: 'custom', message: 'give either --cases or --exercise, not both' });
		} else if (args.exercise === undefined) {
			if (args.source === undefined) context.addIssue({ code: 'custom', message: '--source FILE is required' });
			if (args.cases === undefined) context.addIssue({ code: 'custom', message: '--cases CASES.json (or --exercise FOLDER) is required' });
		}
	})
	// With --cases the defaults are an exercise's defaults; with --exercise they come from the folder.
	.transform((args) =>
		args.exercise !== undefined
			? args
			: {
					...args,
					'time-limit-ms': args['time-limit-ms'] ?? defaultLimits.timeLimitMs,
					'memory-mb': args['memory-mb'] ?? defaultLimits.memoryLimitMb,
					compare: args.compare ?? defaultCompareMode
				}
	);

export type JudgeArguments = { help: true } | ({ help: false } & z.infer<typeof argumentsSchema>);
type JudgeOptions = Exclude<JudgeArguments, { help: true }>;

export function parseJudgeArguments(argv: string[]): JudgeArguments {
	let values: Record<string, string | boolean | undefined>;
	try {
		({ values } = parseArgs({
			args: argv,
			options: {
				language: { type: 'string' },
				source: { type: 'string' },
				cases: { type: 'string' },
				exercise: { type: 'string' },
				'time-limit-ms': { type: 'string' },
				'memory-mb': { type: 'string' },
				compare: { type: 'string' },
				'dncl-array-base': { type: 'string' },
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

const read = (path: string) =>
	readFile(path, 'utf8').catch((error: Error) => {
		throw new InputFileError(`cannot read ${path}: ${error.message}`);
	});

async function readRequest(args: JudgeOptions, casesPath: string, sourcePath: string): Promise<JudgeRequest> {
	const source = await read(sourcePath);
	let cases: unknown;
	try {
		cases = JSON.parse(await read(casesPath));
	} catch (error) {
		throw error instanceof InputFileError ? error : new InputFileError(`${casesPath} is not valid JSON`);
	}
	const parsedCases = casesFileSchema.safeParse(cases);
	if (!parsedCases.success) throw new InputFileError(`${casesPath}: ${parsedCases.error.issues[0]?.message}`);
	return {
		language: args.language,
		source,
		cases: parsedCases.data.map((testCase) => ({ input: testCase.input, expectedOutput: testCase.output })),
		limits: {
			...defaultLimits,
			timeLimitMs: args['time-limit-ms'] ?? defaultLimits.timeLimitMs,
			memoryLimitMb: args['memory-mb'] ?? defaultLimits.memoryLimitMb
		},
		compareMode: args.compare ?? defaultCompareMode,
		dnclArrayBase: args['dncl-array-base'] === '1' ? 1 : 0
	};
}

async function readExerciseRequest(args: JudgeOptions, folder: string): Promise<{ request: JudgeRequest; exercise: ExerciseContent }> {
	let exercise: ExerciseContent;
	try {
		exercise = await loadExerciseFolder(folder);
	} catch (error) {
		throw error instanceof ExerciseContentError ? new InputFileError(error.message) : error;
	}
	if (!exercise.languages.includes(args.language)) {
		throw new InputFileError(`${folder}: the exercise does not offer ${args.language} (languages: ${exercise.languages.join(', ')})`);
	}
	const source = await read(args.source ?? join(folder, `solution.${sourceExtensions[args.language]}`));
	return {
		exercise,
		request: {
			language: args.language,
			source,
			cases: exercise.cases.map(({ input, expectedOutput }) => ({ input, expectedOutput })),
			limits: {
				...defaultLimits,
				...exercise.limits,
				...(args['time-limit-ms'] !== undefined ? { timeLimitMs: args['time-limit-ms'] } : {}),
				...(args['memory-mb'] !== undefined ? { memoryLimitMb: args['memory-mb'] } : {})
			},
			compareMode: args.compare ?? exercise.compareMode,
			dnclArrayBase: exercise.dnclArrayBase ?? 0
		}
	};
}

export interface CliOutput {
	stdout(text: string): void;
	stderr(text: string): void;
}

/** Returns the exit status: 0 when judging completed, 2 for bad arguments or files, 1 when the judge itself failed. */
export async function runJudgeCli(argv: string[], output: CliOutput, options: Pick<SandboxOptions, 'production' | 'interpreters'>): Promise<number> {
	try {
		const args = parseJudgeArguments(argv);
		if (args.help) {
			output.stdout(`${usage}\n`);
			return 0;
		}
		if (args.exercise !== undefined) {
			const { request, exercise } = await readExerciseRequest(args, args.exercise);
			const sandbox = await createSandbox(options);
			const report = await judgeSource(sandbox, request);
			const cases = report.cases.map((result, index) => ({ name: exercise.cases[index]?.name, ...result }));
			output.stdout(`${JSON.stringify({ ...report, cases })}\n`);
			return 0;
		}
		const request = await readRequest(args, args.cases ?? '', args.source ?? '');
		const sandbox = await createSandbox(options);
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
