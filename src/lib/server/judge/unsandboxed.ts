// Development machines without bubblewrap: the program runs as a plain child process in a temporary
// directory, with only the wall clock, the output cap and Node's heap limit. Never used in production.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { languageDefinitions, type Interpreters } from './languages';
import { startupAllowanceMs } from './limits';
import { runProcess, isProcessStartError, type ProcessOutcome } from './process';
import { SandboxFailure, type SandboxRun } from './bubblewrap';

export async function runUnsandboxed(interpreters: Interpreters, run: SandboxRun): Promise<ProcessOutcome> {
	const definition = languageDefinitions[run.language];
	const directory = await mkdtemp(join(tmpdir(), 'judge-'));
	try {
		await writeFile(join(directory, definition.fileName), run.source);
		const supportDirectory = join(directory, '.judge');
		await mkdir(supportDirectory);
		for (const [name, content] of Object.entries(definition.supportFiles)) await writeFile(join(supportDirectory, name), content);
		const outcome = await runProcess({
			command: interpreters[run.language],
			args: run.purpose === 'check' ? definition.checkArguments() : definition.runArguments(run.limits, supportDirectory),
			cwd: directory,
			stdin: run.stdin,
			wallTimeLimitMs: run.limits.timeLimitMs + startupAllowanceMs,
			outputLimitBytes: run.limits.outputLimitKb * 1024,
			signal: run.signal
		});
		return { ...outcome, stderr: outcome.stderr.replaceAll(`file://${directory}/`, '').replaceAll(`${directory}/`, '') };
	} catch (error) {
		if (isProcessStartError(error)) throw new SandboxFailure(error.message);
		throw error;
	} finally {
		await rm(directory, { recursive: true, force: true });
	}
}
